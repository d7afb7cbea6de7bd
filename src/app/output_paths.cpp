#include "app/output_paths.h"

#include <filesystem>
#include <system_error>

#include "store/case_store.h"

namespace uncounted {
namespace {

namespace fs = std::filesystem;

// Links followed before giving up (as the kernel's ELOOP limit).
constexpr int kMaxLinks = 40;

// `path` made absolute and normalized, with symbolic links resolved: the
// final component's (even when it points nowhere yet, as an output may),
// then every existing folder's (weakly_canonical).
fs::path resolved(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::absolute(fs::path(path), ec);
  if (ec) return fs::path(path).lexically_normal();
  for (int i = 0; i < kMaxLinks; ++i) {
    if (!fs::is_symlink(fs::symlink_status(p, ec)) || ec) break;
    fs::path target = fs::read_symlink(p, ec);
    if (ec) break;
    p = target.is_absolute() ? target : p.parent_path() / target;
  }
  fs::path canonical = fs::weakly_canonical(p, ec);
  if (ec) canonical = p.lexically_normal();
  // "DIR/" is DIR.
  if (!canonical.has_filename() && canonical.has_relative_path()) canonical = canonical.parent_path();
  return canonical;
}

struct Resolved {
  fs::path path;
  fs::file_type type = fs::file_type::not_found;
  bool exists() const { return type != fs::file_type::not_found; }
  // Terminals, pipes and character devices (/dev/stdout, /dev/null) hold
  // nothing a write could destroy; they are never refused. (A block device
  // does, and is compared like a file.)
  bool device() const {
    return type == fs::file_type::character || type == fs::file_type::fifo || type == fs::file_type::socket;
  }
};

Resolved resolve(const std::string& path) {
  std::error_code ec;
  Resolved r;
  r.path = resolved(path);
  // The type of what the path as given reaches: /dev/stdout on a pipe
  // resolves to "/proc/self/fd/pipe:[N]", which is no path at all.
  r.type = fs::status(path, ec).type();
  if (ec || r.type == fs::file_type::none || r.type == fs::file_type::not_found) {
    r.type = fs::status(r.path, ec).type();
    if (ec || r.type == fs::file_type::none) r.type = fs::file_type::not_found;
  }
  return r;
}

bool same_file(const Resolved& a, const Resolved& b) {
  if (a.device() || b.device()) return false;
  if (a.path == b.path) return true;
  if (!a.exists() || !b.exists()) return false;
  std::error_code ec;
  return fs::equivalent(a.path, b.path, ec) && !ec;
}

std::string another(const std::string& path) {
  std::error_code ec;
  return fs::is_directory(path, ec) ? "; choose another folder" : "; choose another file";
}

}  // namespace

std::vector<InputPath> store_paths(const std::string& store_path) {
  if (store_path.empty()) return {};
  std::vector<InputPath> paths = {{"the store", store_path},
                                  {"the store's journal", store::journal_path(store_path)},
                                  {"the store's lock file", store::lock_path(store_path)}};
  // A store reached through a link has the companions of its real name too
  // (other commands open it by that name).
  const std::string real = resolved(store_path).string();
  if (real != store_path) {
    paths.push_back({"the store's journal", store::journal_path(real)});
    paths.push_back({"the store's lock file", store::lock_path(real)});
  }
  return paths;
}

Status check_output_paths(const std::vector<InputPath>& inputs, const std::vector<OutputPath>& outputs) {
  std::vector<std::pair<const InputPath*, Resolved>> read;
  for (const auto& input : inputs)
    if (!input.path.empty()) read.emplace_back(&input, resolve(input.path));
  std::vector<std::pair<const OutputPath*, Resolved>> written;
  for (const auto& output : outputs) {
    if (output.path.empty()) continue;
    Resolved here = resolve(output.path);
    for (const auto& [input, there] : read)
      if (same_file(here, there))
        return fail(output.option + " would overwrite " + input->what + " " + input->path + another(input->path));
    for (const auto& [earlier, there] : written)
      if (same_file(here, there))
        return fail(output.option + " would overwrite the file " + earlier->option + " writes, " + earlier->path +
                    another(earlier->path));
    if (here.type == fs::file_type::regular && store::is_store_file(here.path.string()))
      return fail(output.option + " would overwrite the encrypted store " + output.path + another(output.path));
    written.emplace_back(&output, std::move(here));
  }
  return {};
}

}  // namespace uncounted
