// SPDX-License-Identifier: MIT
//
// Golden files: expect `actual` to equal the file `golden` byte for byte,
// or, with FMKIT_UPDATE_GOLDEN=1 in the environment, rewrite the file
// (review the diff before committing it).
#pragma once

#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace fmkit::testing_support {

inline void check_golden(const std::filesystem::path& golden,
                         const std::string& actual) {
  if (std::getenv("FMKIT_UPDATE_GOLDEN")) {
    std::ofstream(golden, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(golden)) << golden << " is missing";
  EXPECT_EQ(actual, read_bytes(golden)) << "golden " << golden;
}

}  // namespace fmkit::testing_support
