// SPDX-License-Identifier: MIT
#include "cli/cli.hpp"

#include <ostream>

namespace fmkit {

int run_cli(int, const char* const*, std::ostream&, std::ostream& err) {
  err << "fmkit: not implemented yet\n";
  return 2;
}

}  // namespace fmkit
