// What the rows of a file refer to by name: a snapshot the caller loads.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <unordered_map>

#include "base/result.h"
#include "desk/import/header.h"
#include "desk/model.h"

namespace sqm::desk::import {

// What rows refer to by name, loaded by the caller. Lookups answer the id, or the reason the
// value does not name exactly one active record.
class Directory {
 public:
  struct Customer {
    Id id = 0;
    std::string name;
    std::string phone;
  };
  struct Category {
    Id id = 0;
    std::optional<Id> parent_id;
    std::string name;
    bool active = true;
  };
  struct Department {
    Id id = 0;
    std::string name;
    std::string code;
    bool active = true;
  };
  struct Staff {
    Id id = 0;
    std::string username;
    std::string display_name;
    std::optional<Id> department_id;
    bool active = true;
  };

  void Add(Customer c);
  void Add(Category c);
  void Add(Department d);
  void Add(Staff s);

  // A customer id, phone or exact name (in that order; a phone or name shared by several
  // customers is ambiguous).
  Result<Id> FindCustomer(const Field& f) const;
  // A category id, or a path of names from the top ("网络与连接/VPN"), or a name that is unique.
  Result<Id> FindCategory(const Field& f) const;
  // A department code, name or id.
  Result<Id> FindDepartment(const Field& f) const;
  // A username (case-insensitive) or id; only active staff.
  Result<Id> FindStaff(const Field& f) const;

  const Staff* StaffById(Id id) const;
  const Department* DepartmentById(Id id) const;
  const Category* CategoryById(Id id) const;
  // "网络与连接/VPN"; empty for an unknown id.
  std::string CategoryPath(Id id) const;

 private:
  std::unordered_map<Id, Customer> customers_;
  std::unordered_multimap<std::string, Id> customers_by_phone_, customers_by_name_;
  std::map<Id, Category> categories_;
  std::multimap<std::string, Id> categories_by_name_;
  std::map<Id, Department> departments_;
  std::map<Id, Staff> staff_;
  std::map<std::string, Id> staff_by_username_;  // lower case
};

}  // namespace sqm::desk::import
