// SPDX-License-Identifier: MIT
#include "run/thread_pool.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace fmkit {
namespace {

// Squares i, but throws for every seventh item: the pool must turn each
// throw into that item's result, in order, whatever the number of threads.
std::vector<std::string> run(size_t count, size_t jobs) {
  std::vector<std::string> out;
  std::thread::id caller = std::this_thread::get_id();
  for_each_ordered(
      count, jobs, [] { return 0; },
      [](int&, size_t i) {
        if (i % 7 == 3) throw std::runtime_error("bad " + std::to_string(i));
        return std::to_string(i * i);
      },
      [](size_t i, const std::string& what) {
        return "failed " + std::to_string(i) + ": " + what;
      },
      [&](std::string&& result) {
        EXPECT_EQ(std::this_thread::get_id(), caller);
        out.push_back(std::move(result));
      });
  return out;
}

TEST(ThreadPoolTest, ResultsComeInOrderAndExceptionsBecomeResults) {
  std::vector<std::string> one = run(50, 1);
  ASSERT_EQ(one.size(), 50u);
  EXPECT_EQ(one[2], "4");
  EXPECT_EQ(one[3], "failed 3: bad 3");
  EXPECT_EQ(one[10], "failed 10: bad 10");
  EXPECT_EQ(one[49], "2401");
  EXPECT_EQ(run(50, 2), one);
  EXPECT_EQ(run(50, 8), one);
  EXPECT_EQ(run(50, 0), one);
}

TEST(ThreadPoolTest, EachThreadMakesItsOwnWorker) {
  std::atomic<int> workers{0};
  std::vector<int> seen;
  for_each_ordered(
      100, 4, [&] { return ++workers; },
      [](int& worker, size_t) { return worker; },
      [](size_t, const std::string&) { return -1; },
      [&](int worker) { seen.push_back(worker); });
  EXPECT_EQ(seen.size(), 100u);
  EXPECT_LE(workers.load(), 4);
  EXPECT_GE(workers.load(), 1);
}

TEST(ThreadPoolTest, NoWorkAndOneThreadRunOnTheCaller) {
  EXPECT_TRUE(run(0, 8).empty());
  EXPECT_EQ(pool_threads(8, 3), 3u);
  EXPECT_EQ(pool_threads(2, 0), 1u);
  EXPECT_GE(pool_threads(0, 100), 1u);
}

TEST(ThreadPoolTest, AThrowingSinkStopsTheRunCleanly) {
  size_t handed = 0;
  EXPECT_THROW(for_each_ordered(
                   1000, 4, [] { return 0; }, [](int&, size_t i) { return i; },
                   [](size_t, const std::string&) { return size_t{0}; },
                   [&](size_t i) {
                     ++handed;
                     if (i == 10) throw std::runtime_error("sink");
                   }),
               std::runtime_error);
  EXPECT_EQ(handed, 11u);
}

}  // namespace
}  // namespace fmkit
