// A fact source (docs/assessment.md): the registration a module that owns evidence (desk now;
// feedback and inspection later) hands to assessment's FactRegistry through the composition root,
// so the owning module never links assessment. A value: its name, the closed list of fields a
// measure may filter or aggregate on, and the reference query, per dialect, that yields one row
// per fact:
//
//   fact_id, ticket_id (nullable), at (UTC ms), staff_id (nullable), department_id (nullable),
//   <one column per field, named as the field>
//
// `staff_id` and `department_id` are who the fact is charged to as recorded on the fact's own row
// when it happened. The query selects every fact of all time; measures wrap it
// (`SELECT ... FROM (<query>) f WHERE f.at >= ? AND f.at < ? AND <filter>`), so it takes no
// parameters and its column names are the contract.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "storage/db.h"

namespace sqm::storage {

enum class FactFieldType {
  kBoolean,  // 0/1; filters compare it with true or false
  kInteger,
  kNumber,  // double precision: minutes, amounts
  kText,    // a code ('first_response', 'satisfied'); filters compare it with a quoted string
};

struct FactField {
  std::string name;  // a lower-case identifier; the query's column of the same name
  FactFieldType type = FactFieldType::kInteger;
  std::string en;  // one line: what it is
  std::string zh;
};

struct FactSource {
  std::string name;  // "tickets", "sla_timers", ...
  std::string en, zh;
  std::string sqlite_sql;
  std::string postgres_sql;
  std::vector<FactField> fields;
  // How people write a ticket id ("T000042"), for the drill-down; empty: the id as it is.
  std::function<std::string(std::int64_t)> ticket_number;

  const std::string& Sql(Dialect d) const { return d == Dialect::kPostgres ? postgres_sql : sqlite_sql; }
};

inline const char* FactFieldTypeName(FactFieldType t) {
  switch (t) {
    case FactFieldType::kBoolean: return "boolean";
    case FactFieldType::kInteger: return "integer";
    case FactFieldType::kNumber: return "number";
    case FactFieldType::kText: return "text";
  }
  return "text";
}

}  // namespace sqm::storage
