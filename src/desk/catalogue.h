// Customers and the service catalogue (categories): who tickets are for and what they are about.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "desk/model.h"
#include "org/model.h"
#include "storage/database.h"

namespace sqm::desk {

struct CustomerDraft {
  std::string name;
  std::string kind = "person";  // "person" | "organisation"
  std::optional<Id> organisation_id;
  std::string tier = "standard";
  std::string phone, email;
  std::optional<Id> account_id;
};

struct CategoryPatch {
  std::optional<std::string> name;
  std::optional<std::optional<Id>> parent_id;  // present and null: to the top level
  std::optional<bool> active;
};

class Catalogue {
 public:
  explicit Catalogue(storage::Database& db) : db_(db) {}

  // Contact details are need-to-know (rules.h, ContactAccessOf; docs/security.md): `q` matches a
  // name (any case), and for callers with full contact access also an e-mail or phone, in part;
  // ids above `after`, in id order. Only full access lists phone and e-mail unmasked.
  Result<std::vector<Customer>> ListCustomers(const org::Principal& who, const std::optional<std::string>& q, int limit,
                                              std::optional<Id> after);
  // Unmasked for full access, and for ticket handlers who may see one of the customer's tickets.
  Result<Customer> GetCustomer(const org::Principal& who, Id id);
  // A person may belong to an organisation; `account_id` links a portal account (role customer),
  // at most one customer per account (kConflict on "account_id").
  Result<Customer> CreateCustomer(const org::Principal& who, const CustomerDraft& draft);

  Result<std::vector<Category>> ListCategories();
  Result<Category> CreateCategory(const org::Principal& who, const std::string& name, std::optional<Id> parent_id);
  // Renames, moves (parent_id present and null: to the top level) or (de)activates a category.
  // A move never goes into the category's own subtree or under an inactive parent; a category
  // with active children stays active; active siblings have distinct names.
  Result<Category> UpdateCategory(const org::Principal& who, Id id, const CategoryPatch& patch);

 private:
  storage::Database& db_;
};

}  // namespace sqm::desk
