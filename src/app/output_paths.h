// The check every command that writes a file makes first: that none of its
// outputs is a file it reads, the store it works on (or the store's journal
// or lock file), an existing store of any name, or another of its outputs.
// Without it `report STORE --out STORE` replaced the encrypted store with
// the HTML, and `link --out-clusters X.csv X.csv` its own input.
//
// Two paths name the same file when they resolve to the same absolute path
// (symbolic links followed, "." and ".." removed, relative paths taken from
// the working directory; a path that does not exist yet is resolved as far
// as it exists) or, when both exist, when they are the same file
// (std::filesystem::equivalent: hard links, bind mounts). Folders compare
// the same way (simulate and demo write into one). Character devices,
// terminals, pipes and sockets (/dev/null, /dev/stdout, even when it is a
// pipe) are never refused: nothing there can be overwritten. A block device
// is compared like a file. An output inside an input folder is not refused
// (only an output that is the folder itself).
//
// Thread safety: reads the file system and nothing shared; safe from any
// thread. The answer is about the moment of the call: a file created or
// linked afterwards is not seen.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"

namespace uncounted {

// A file or folder a command reads or works on. `what` names it in
// messages: "the store", "the record file", "the passphrase file".
struct InputPath {
  std::string what;
  std::string path;
};

// A file or folder a command writes, named by the option that gives it
// ("--out", "--out-clusters").
struct OutputPath {
  std::string option;
  std::string path;
};

// The store at `store_path` and its companions (store/case_store.h):
// "the store" STORE, "the store's journal" STORE.journal and "the store's
// lock file" STORE.lock, first as written, then (when it differs) those of
// the resolved path (a STORE that is a link has both). Empty for an empty
// `store_path`.
std::vector<InputPath> store_paths(const std::string& store_path);

// Ok when every output may be written. Otherwise the Error for the first
// conflict, naming the option and what it would overwrite, e.g.
//   "--out would overwrite the store cases.store; choose another file"
//   "--out-pairs would overwrite the file --out-clusters writes, out.csv; choose another file"
// An output is refused when it is the same file as an input, as an earlier
// output, or (for any output) an existing file that begins like a store.
// Entries with an empty path (options not given) are skipped. Never throws;
// a path that cannot be resolved (e.g. permission denied on a folder) is
// compared as written, made absolute and normalized.
Status check_output_paths(const std::vector<InputPath>& inputs, const std::vector<OutputPath>& outputs);

}  // namespace uncounted
