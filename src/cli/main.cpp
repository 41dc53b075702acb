// SPDX-License-Identifier: MIT
#include "cli/cli.hpp"

#include <iostream>

int main(int argc, char** argv) {
  return fmkit::run_cli(argc, argv, std::cout, std::cerr);
}
