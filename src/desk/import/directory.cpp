#include "desk/import/directory.h"

#include <algorithm>
#include <vector>

#include "desk/import/text.h"

namespace sqm::desk::import {

void Directory::Add(Customer c) {
  if (!c.phone.empty()) customers_by_phone_.emplace(std::string(TrimSpace(c.phone)), c.id);
  customers_by_name_.emplace(std::string(TrimSpace(c.name)), c.id);
  const Id id = c.id;
  customers_[id] = std::move(c);
}

void Directory::Add(Category c) {
  categories_by_name_.emplace(std::string(TrimSpace(c.name)), c.id);
  const Id id = c.id;
  categories_[id] = std::move(c);
}

void Directory::Add(Department d) {
  const Id id = d.id;
  departments_[id] = std::move(d);
}

void Directory::Add(Staff s) {
  staff_by_username_[Lower(s.username)] = s.id;
  const Id id = s.id;
  staff_[id] = std::move(s);
}

const Directory::Staff* Directory::StaffById(Id id) const {
  auto it = staff_.find(id);
  return it == staff_.end() ? nullptr : &it->second;
}

const Directory::Department* Directory::DepartmentById(Id id) const {
  auto it = departments_.find(id);
  return it == departments_.end() ? nullptr : &it->second;
}

const Directory::Category* Directory::CategoryById(Id id) const {
  auto it = categories_.find(id);
  return it == categories_.end() ? nullptr : &it->second;
}

std::string Directory::CategoryPath(Id id) const {
  std::vector<const Category*> chain;
  for (const Category* c = CategoryById(id); c && chain.size() < 32;
       c = c->parent_id ? CategoryById(*c->parent_id) : nullptr) {
    chain.push_back(c);
  }
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) out += (out.empty() ? "" : "/") + (*it)->name;
  return out;
}

Result<Id> Directory::FindCustomer(const Field& f) const {
  const auto text = TrimSpace(f.text);
  if (f.id_only) {
    auto id = ToInt(text);
    if (id && customers_.contains(*id)) return *id;
    return Error::Invalid(f.name,
                          Msg("import.no_customer_id", "no customer has the id '{value}'", {{"value", Shown(text)}}));
  }
  if (AllDigits(text)) {
    if (auto id = ToInt(text); id && customers_.contains(*id)) return *id;
  }
  for (const auto* index : {&customers_by_phone_, &customers_by_name_}) {
    const auto n = index->count(std::string(text));
    if (n == 1) return index->find(std::string(text))->second;
    if (n > 1) {
      return Error::Invalid(f.name,
                            Msg("import.customer_ambiguous", "'{value}' matches {n} customers; give the customer id",
                                {{"value", Shown(text)}, {"n", std::to_string(n)}}));
    }
  }
  return Error::Invalid(
      f.name, Msg("import.unknown_customer", "unknown customer '{value}' (give the customer id, phone or exact name)",
                  {{"value", Shown(text)}}));
}

Result<Id> Directory::FindCategory(const Field& f) const {
  const auto text = TrimSpace(f.text);
  auto checked = [&](Id id) -> Result<Id> {
    const Category* c = CategoryById(id);
    if (!c->active) {
      return Error::Invalid(f.name, Msg("import.category_inactive", "the category '{value}' is no longer active",
                                        {{"value", Shown(text)}}));
    }
    return id;
  };
  if (f.id_only || AllDigits(text)) {
    if (auto id = ToInt(text); id && categories_.contains(*id)) return checked(*id);
    if (f.id_only) {
      return Error::Invalid(f.name,
                            Msg("import.no_category_id", "no category has the id '{value}'", {{"value", Shown(text)}}));
    }
  }
  std::vector<std::string_view> parts;
  std::string_view rest = text;
  for (;;) {
    std::size_t cut = std::string_view::npos, len = 0;
    for (std::string_view sep : {"/", ">", "\xEF\xBC\x8F"}) {  // '/', '>', '／'
      auto p = rest.find(sep);
      if (p < cut) {
        cut = p;
        len = sep.size();
      }
    }
    parts.push_back(TrimSpace(rest.substr(0, cut)));
    if (cut == std::string_view::npos) break;
    rest = rest.substr(cut + len);
  }
  if (std::any_of(parts.begin(), parts.end(), [](std::string_view p) { return p.empty(); })) {
    return Error::Invalid(f.name,
                          Msg("import.category_path_invalid", "'{value}' is not a category path like '网络与连接/VPN'",
                              {{"value", Shown(text)}}));
  }
  if (parts.size() == 1) {
    const auto n = categories_by_name_.count(std::string(parts[0]));
    if (n == 1) return checked(categories_by_name_.find(std::string(parts[0]))->second);
    if (n > 1) {
      return Error::Invalid(f.name, Msg("import.category_ambiguous",
                                        "'{value}' names {n} categories; give the path from the top, like "
                                        "'网络与连接/VPN'",
                                        {{"value", Shown(text)}, {"n", std::to_string(n)}}));
    }
    return Error::Invalid(f.name,
                          Msg("import.unknown_category", "unknown category '{value}'", {{"value", Shown(text)}}));
  }
  std::optional<Id> parent;
  for (std::size_t level = 0; level < parts.size(); ++level) {
    std::optional<Id> found;
    auto [lo, hi] = categories_by_name_.equal_range(std::string(parts[level]));
    for (auto it = lo; it != hi; ++it) {
      if (CategoryById(it->second)->parent_id == parent) {
        found = it->second;
        break;
      }
    }
    if (!found) {
      if (level == 0) {
        return Error::Invalid(
            f.name, Msg("import.unknown_category_top", "unknown category '{value}': no '{part}' at the top level",
                        {{"value", Shown(text)}, {"part", Shown(parts[level])}}));
      }
      return Error::Invalid(
          f.name, Msg("import.unknown_category_under", "unknown category '{value}': no '{part}' under '{parent}'",
                      {{"value", Shown(text)}, {"part", Shown(parts[level])}, {"parent", Shown(parts[level - 1])}}));
    }
    parent = found;
  }
  return checked(*parent);
}

Result<Id> Directory::FindDepartment(const Field& f) const {
  const auto text = TrimSpace(f.text);
  auto checked = [&](const Department& d) -> Result<Id> {
    if (!d.active) {
      return Error::Invalid(f.name, Msg("import.department_inactive", "the department '{value}' is no longer active",
                                        {{"value", Shown(text)}}));
    }
    return d.id;
  };
  if (!f.id_only) {
    const std::string lower = Lower(text);
    for (const auto& [id, d] : departments_) {
      if (!d.code.empty() && Lower(d.code) == lower) return checked(d);
    }
    const Department* by_name = nullptr;
    int n = 0;
    for (const auto& [id, d] : departments_) {
      if (TrimSpace(d.name) == text) {
        by_name = &d;
        ++n;
      }
    }
    if (n == 1) return checked(*by_name);
    if (n > 1) {
      return Error::Invalid(
          f.name, Msg("import.department_ambiguous", "'{value}' names {n} departments; give the department code",
                      {{"value", Shown(text)}, {"n", std::to_string(n)}}));
    }
  }
  if (auto id = AllDigits(text) ? ToInt(text) : std::nullopt) {
    if (auto it = departments_.find(*id); it != departments_.end()) return checked(it->second);
  }
  return Error::Invalid(f.name, Msg("import.unknown_department", "unknown department '{value}' (give its code or name)",
                                    {{"value", Shown(text)}}));
}

Result<Id> Directory::FindStaff(const Field& f) const {
  const auto text = TrimSpace(f.text);
  const Staff* s = nullptr;
  if (!f.id_only) {
    if (auto it = staff_by_username_.find(Lower(text)); it != staff_by_username_.end()) s = StaffById(it->second);
  }
  if (!s && (f.id_only || AllDigits(text))) {
    if (auto id = ToInt(text)) s = StaffById(*id);
  }
  if (!s) {
    return Error::Invalid(f.name, Msg("import.unknown_staff", "unknown staff member '{value}' (give the username)",
                                      {{"value", Shown(text)}}));
  }
  if (!s->active) {
    return Error::Invalid(f.name, Msg("import.staff_inactive", "the staff member '{value}' is no longer active",
                                      {{"value", Shown(text)}}));
  }
  return s->id;
}

}  // namespace sqm::desk::import
