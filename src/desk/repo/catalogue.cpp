#include "desk/repo/catalogue.h"

#include <algorithm>

#include "desk/repo/like.h"
#include "org/repo.h"

namespace sqm::desk::repo {

// clang-format reads a line that starts with `import::` as a C++20 module import.
using import::Directory;
using storage::Row;
using storage::Value;

namespace {

constexpr const char* kCustomerSelect =
    "SELECT c.id, c.name, c.kind, c.organisation_id, coalesce(o.name, ''), c.tier, c.phone, c.email, c.account_id,"
    " c.created_at FROM customers c LEFT JOIN customers o ON o.id = c.organisation_id";

Customer CustomerFrom(const Row& r) {
  Customer c;
  c.id = r.Int(0);
  c.name = r.Text(1);
  c.kind = r.Text(2);
  c.organisation_id = r.OptInt(3);
  c.organisation_name = r.Text(4);
  c.tier = r.Text(5);
  c.phone = r.Text(6);
  c.email = r.Text(7);
  c.account_id = r.OptInt(8);
  c.created_at = r.Int(9);
  return c;
}

}  // namespace

std::vector<Customer> ListCustomers(Connection& db, const std::optional<std::string>& q, bool q_contact, int limit,
                                    std::optional<Id> after_id) {
  std::string sql = std::string(kCustomerSelect) + " WHERE c.id > ?";
  std::vector<Value> params{after_id.value_or(0)};
  if (q && q_contact) {
    sql +=
        " AND (lower(c.name) LIKE lower(?) ESCAPE '\\' OR c.phone LIKE ? ESCAPE '\\'"
        " OR lower(c.email) LIKE lower(?) ESCAPE '\\')";
    const std::string pattern = Contains(*q);
    params.insert(params.end(), {pattern, pattern, pattern});
  } else if (q) {
    sql += " AND lower(c.name) LIKE lower(?) ESCAPE '\\'";
    params.emplace_back(Contains(*q));
  }
  sql += " ORDER BY c.id LIMIT ?";
  params.emplace_back(limit);
  std::vector<Customer> out;
  for (const auto& r : db.Query(sql, params)) out.push_back(CustomerFrom(r));
  return out;
}

std::optional<Customer> FindCustomer(Connection& db, Id id) {
  auto r = db.QueryOne(std::string(kCustomerSelect) + " WHERE c.id = ?", {id});
  if (!r) return std::nullopt;
  return CustomerFrom(*r);
}

std::optional<Customer> FindCustomerByAccount(Connection& db, Id account_id) {
  auto r = db.QueryOne(std::string(kCustomerSelect) + " WHERE c.account_id = ?", {account_id});
  if (!r) return std::nullopt;
  return CustomerFrom(*r);
}

std::vector<Category> ListCategories(Connection& db) {
  std::vector<Category> out;
  for (const auto& r :
       db.Query("SELECT id, parent_id, name, active FROM categories ORDER BY parent_id ASC NULLS FIRST, id")) {
    out.push_back({r.Int(0), r.OptInt(1), r.Text(2), r.Bool(3)});
  }
  return out;
}

std::optional<Category> FindCategory(Connection& db, Id id) {
  auto r = db.QueryOne("SELECT id, parent_id, name, active FROM categories WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return Category{r->Int(0), r->OptInt(1), r->Text(2), r->Bool(3)};
}

Directory LoadDirectory(Connection& db, bool with_customers) {
  Directory dir;
  constexpr int kPage = 5000;
  for (std::optional<Id> after; with_customers;) {
    auto page = ListCustomers(db, std::nullopt, false, kPage, after);
    for (auto& c : page) dir.Add(Directory::Customer{c.id, std::move(c.name), std::move(c.phone)});
    if (static_cast<int>(page.size()) < kPage) break;
    after = page.back().id;
  }
  for (auto& c : ListCategories(db)) dir.Add(Directory::Category{c.id, c.parent_id, std::move(c.name), c.active});
  for (auto& d : org::repo::ListDepartments(db)) {
    dir.Add(Directory::Department{d.id, std::move(d.name), d.code.value_or(""), d.active});
  }
  for (std::optional<Id> after;;) {
    auto page = org::repo::ListStaff(db, {.after_id = after, .limit = kPage}, org::Scope{true, {}});
    for (auto& s : page) {
      dir.Add(Directory::Staff{s.id, std::move(s.username), std::move(s.display_name), s.department_id, s.active});
    }
    if (static_cast<int>(page.size()) < kPage) break;
    after = page.back().id;
  }
  return dir;
}

std::vector<Id> CategoryPath(Connection& db, Id id) {
  std::vector<Id> path;
  std::optional<Id> cur = id;
  while (cur && path.size() < 32) {
    auto c = FindCategory(db, *cur);
    if (!c) break;
    path.push_back(c->id);
    cur = c->parent_id;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

Result<Id> InsertCustomer(Connection& db, const Customer& c, TimeMs at) {
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO customers (name, kind, organisation_id, tier, phone, email, account_id,"
                             " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                             {c.name, c.kind, c.organisation_id, c.tier, c.phone, c.email, c.account_id, at, at}));
  return r.last_insert_id;
}

bool ActiveNameTaken(Connection& db, std::optional<Id> parent, const std::string& name, Id self) {
  return db
      .QueryOne(
          "SELECT 1 FROM categories WHERE COALESCE(parent_id, 0) = COALESCE(CAST(? AS BIGINT), 0) AND name = ?"
          " AND active = 1 AND id <> ?",
          {parent, name, self})
      .has_value();
}

bool HasActiveChild(Connection& db, Id id) {
  return db.QueryOne("SELECT 1 FROM categories WHERE parent_id = ? AND active = 1", {id}).has_value();
}

Result<Id> InsertCategory(Connection& db, std::optional<Id> parent, const std::string& name) {
  SQM_ASSIGN(auto r, db.Exec("INSERT INTO categories (parent_id, name) VALUES (?, ?) RETURNING id", {parent, name}));
  return r.last_insert_id;
}

Status SaveCategory(Connection& db, const Category& c) {
  return db.Exec("UPDATE categories SET parent_id = ?, name = ?, active = ? WHERE id = ?",
                 {c.parent_id, c.name, c.active ? 1 : 0, c.id});
}

}  // namespace sqm::desk::repo
