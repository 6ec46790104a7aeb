#include "desk/catalogue.h"

#include <algorithm>

#include <boost/json.hpp>

#include "desk/repo/catalogue.h"
#include "desk/repo/tickets.h"
#include "desk/rules.h"
#include "org/repo.h"

namespace sqm::desk {

using storage::Connection;
using storage::WriteTx;
namespace bj = boost::json;

namespace {

bj::value OrNull(const std::optional<Id>& v) {
  return v ? bj::value(*v) : bj::value(nullptr);
}

}  // namespace

Result<std::vector<Customer>> Catalogue::ListCustomers(const org::Principal& who, const std::optional<std::string>& q,
                                                       int limit, std::optional<Id> after) {
  const bool full = ContactAccessOf(who) == ContactAccess::kFull;
  auto list = db_.Read([&](Connection& db) { return repo::ListCustomers(db, q, full, limit, after); });
  if (!full) {
    for (Customer& c : list) MaskContact(c);
  }
  return list;
}

Result<Customer> Catalogue::GetCustomer(const org::Principal& who, Id id) {
  const ContactAccess access = ContactAccessOf(who);
  return db_.Read([&](Connection& db) -> Result<Customer> {
    auto c = repo::FindCustomer(db, id);
    if (!c)
      return Error::NotFound(Msg("customer.not_found", "customer {id} does not exist", {{"id", std::to_string(id)}}));
    const bool serves = access == ContactAccess::kFull ||
                        (access == ContactAccess::kTheirTickets && repo::SeesTicketOf(db, id, repo::VisibilityOf(who)));
    if (!serves) MaskContact(*c);
    return *c;
  });
}

Result<Customer> Catalogue::CreateCustomer(const org::Principal& who, const CustomerDraft& d) {
  if (d.kind != "person" && d.kind != "organisation")
    return Error::Invalid("kind", Msg("customer.bad_kind", "must be person or organisation"));
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Customer> {
    if (d.organisation_id) {
      auto o = repo::FindCustomer(tx.db(), *d.organisation_id);
      if (!o || o->kind != "organisation")
        return Error::Invalid("organisation_id", Msg("customer.no_organisation", "no such organisation"));
    }
    if (d.account_id) {
      auto s = org::repo::FindStaff(tx.db(), *d.account_id);
      if (!s || std::find(s->roles.begin(), s->roles.end(), "customer") == s->roles.end()) {
        return Error::Invalid("account_id",
                              Msg("customer.account_not_customer", "must be an account with the customer role"));
      }
    }
    if (d.account_id && repo::FindCustomerByAccount(tx.db(), *d.account_id)) {
      return Error::Conflict(Msg("customer.account_taken", "this portal account already belongs to a customer"),
                             "account_id");
    }
    Customer c;
    c.name = d.name;
    c.kind = d.kind;
    c.organisation_id = d.organisation_id;
    c.tier = d.tier;
    c.phone = d.phone;
    c.email = d.email;
    c.account_id = d.account_id;
    SQM_ASSIGN(const Id id, repo::InsertCustomer(tx.db(), c, tx.now()));
    tx.Append("customer", std::to_string(id), "customer.created",
              {{"name", d.name}, {"kind", d.kind}, {"tier", d.tier}});
    return *repo::FindCustomer(tx.db(), id);
  });
}

Result<std::vector<Category>> Catalogue::ListCategories() {
  return db_.Read([](Connection& db) { return repo::ListCategories(db); });
}

namespace {

// A category name must be unique among the active children of its parent.
Status CheckSiblingName(Connection& db, std::optional<Id> parent, const std::string& name, Id self) {
  if (repo::ActiveNameTaken(db, parent, name, self)) {
    return Error::Conflict(
        Msg("category.name_taken", "another active category here is already called '{name}'", {{"name", name}}),
        "name");
  }
  return {};
}

Status CheckParent(Connection& db, Id parent) {
  auto p = repo::FindCategory(db, parent);
  if (!p) return Error::Invalid("parent_id", Msg("desk.no_category", "no such category"));
  if (!p->active)
    return Error::Invalid("parent_id", Msg("category.parent_inactive", "the parent category is inactive"));
  return {};
}

}  // namespace

Result<Category> Catalogue::CreateCategory(const org::Principal& who, const std::string& name,
                                           std::optional<Id> parent) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Category> {
    if (parent) SQM_TRY(CheckParent(tx.db(), *parent));
    SQM_TRY(CheckSiblingName(tx.db(), parent, name, 0));
    SQM_ASSIGN(const Id id, repo::InsertCategory(tx.db(), parent, name));
    tx.Append("category", std::to_string(id), "category.created", {{"name", name}, {"parent_id", OrNull(parent)}});
    return *repo::FindCategory(tx.db(), id);
  });
}

Result<Category> Catalogue::UpdateCategory(const org::Principal& who, Id id, const CategoryPatch& patch) {
  return db_.Write(who.username, [&](WriteTx& tx) -> Result<Category> {
    auto& db = tx.db();
    auto c = repo::FindCategory(db, id);
    if (!c)
      return Error::NotFound(Msg("category.not_found", "category {id} does not exist", {{"id", std::to_string(id)}}));
    bj::object changes;
    if (patch.parent_id && *patch.parent_id != c->parent_id) {
      if (const auto& parent = *patch.parent_id) {
        SQM_TRY(CheckParent(db, *parent));
        const auto path = repo::CategoryPath(db, *parent);
        if (std::find(path.begin(), path.end(), id) != path.end()) {
          return Error::Conflict(
              Msg("category.move_into_itself", "a category cannot move into itself or one of its subcategories"),
              "parent_id");
        }
      }
      c->parent_id = *patch.parent_id;
      changes["parent_id"] = OrNull(c->parent_id);
    }
    if (patch.name && *patch.name != c->name) {
      c->name = *patch.name;
      changes["name"] = c->name;
    }
    if (patch.active && *patch.active != c->active) {
      if (!*patch.active) {
        if (repo::HasActiveChild(db, id)) {
          return Error::Conflict(Msg("category.has_active_children", "deactivate its subcategories first"), "active");
        }
      } else if (c->parent_id) {
        SQM_TRY(CheckParent(db, *c->parent_id));
      }
      c->active = *patch.active;
      changes["active"] = c->active;
    }
    if (changes.empty()) return *c;
    if (c->active) SQM_TRY(CheckSiblingName(db, c->parent_id, c->name, id));
    SQM_TRY(repo::SaveCategory(db, *c));
    tx.Append("category", std::to_string(id), "category.updated", std::move(changes));
    return *c;
  });
}

}  // namespace sqm::desk
