#include "storage/pg_tools.h"

#include <libpq-fe.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <string_view>

#include "storage/db.h"

extern char** environ;

namespace sqm::storage {
namespace {

struct Conninfo {
  std::string text;  // "host='/tmp' dbname='sqm' " without the password
  std::string password;
};

Conninfo ParseUrl(const std::string& what, const std::string& url) {
  char* err = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &err);
  if (!options) {
    PQfreemem(err);
    throw DbError(what + ": the database address cannot be read");
  }
  Conninfo out;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val || !*o->val) continue;
    if (std::string_view(o->keyword) == "password") {
      out.password = o->val;
      continue;
    }
    std::string quoted;
    for (char ch : std::string_view(o->val)) {
      if (ch == '\\' || ch == '\'') quoted += '\\';
      quoted += ch;
    }
    out.text += std::string(o->keyword) + "='" + quoted + "' ";
  }
  PQconninfoFree(options);
  return out;
}

void Spawn(const std::string& what, const std::string& program, std::vector<std::string> args,
           const std::string& password) {
  std::vector<std::string> env_storage;
  for (char** e = environ; *e; ++e) {
    if (!std::string_view(*e).starts_with("PGPASSWORD=")) env_storage.emplace_back(*e);
  }
  if (!password.empty()) env_storage.push_back("PGPASSWORD=" + password);
  std::vector<char*> envp;
  for (auto& e : env_storage) envp.push_back(e.data());
  envp.push_back(nullptr);
  args.insert(args.begin(), program);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid;
  if (posix_spawnp(&pid, program.c_str(), nullptr, nullptr, argv.data(), envp.data()) != 0) {
    throw DbError(what + ": cannot run " + program + " (install postgresql-client-15)");
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw DbError(what + ": " + program + " failed; see its message above");
  }
}

}  // namespace

void RunPgTool(const std::string& what, const std::string& program, std::vector<std::string> args,
               const std::string& url) {
  Conninfo c = ParseUrl(what, url);
  args.push_back("--dbname=" + c.text);
  Spawn(what, program, std::move(args), c.password);
}

void RunPgTool(const std::string& what, const std::string& program, std::vector<std::string> args) {
  Spawn(what, program, std::move(args), "");
}

}  // namespace sqm::storage
