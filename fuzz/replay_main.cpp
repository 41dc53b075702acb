// SPDX-License-Identifier: MIT
//
// The main of a fuzz target built without libFuzzer (g++, the normal
// build): feeds every file named on the command line, and every file in the
// folders named there, to LLVMFuzzerTestOneInput, so the targets' property
// checks replay the committed corpus and regressions in every CTest run. A
// violated property aborts (fuzz_check.hpp); a missing path is an error
// (exit 2) so a mistyped corpus folder cannot pass by replaying nothing.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

namespace fs = std::filesystem;

// The files to replay: `path` itself, or the regular files under it, in
// name order (so a failure is reproducible).
std::vector<fs::path> files_at(const fs::path& path) {
  std::vector<fs::path> files;
  if (!fs::is_directory(path)) return {path};
  for (const auto& entry : fs::recursive_directory_iterator(path)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  size_t replayed = 0;
  for (int i = 1; i < argc; ++i) {
    if (!fs::exists(argv[i])) {
      std::cerr << argv[0] << ": no such file or folder: " << argv[i] << "\n";
      return 2;
    }
    for (const fs::path& file : files_at(argv[i])) {
      std::ifstream in(file, std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)),
                        std::istreambuf_iterator<char>());
      if (!in.good() && !in.eof()) {
        std::cerr << argv[0] << ": cannot read " << file << "\n";
        return 2;
      }
      // Named first, so the input that aborts is the last one printed.
      std::cerr << "replay " << file.string() << "\n";
      LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()),
                             bytes.size());
      ++replayed;
    }
  }
  std::cout << "replayed " << replayed << " inputs\n";
  return replayed == 0 ? 2 : 0;
}
