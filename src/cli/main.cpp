// SPDX-License-Identifier: MIT
#include <iostream>

#include "cli/cli.hpp"

int main(int argc, char** argv) {
  return fmkit::run_cli(argc, argv, std::cout, std::cerr);
}
