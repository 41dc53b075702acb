#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Crash safety of `fmkit migrate --write` (issue: hardening).

Builds a site of 5,000 posts, then starts `fmkit migrate --write` and kills
it with SIGKILL at a random moment of a full run, again and again (at least
20 kills, a fixed seed; each run goes on from what the killed one left, and
a site found fully migrated is reset to the old posts). After each kill every post must be byte-equal to its old or
its new content (never half of one, never missing), and its mode kept.
Finally (after the 10 seconds an empty temporary file is kept for, if a
kill left one: only where the file system has no O_TMPFILE) a run to
completion must succeed and leave every post new and no temporary file
(".NAME.fmkit-XXXXXX") anywhere: the stale ones a killed run left are
removed by the next run.

usage: kill_migrate.py FMKIT WORKDIR [KILLS] [FILES]
"""
import os
import random
import shutil
import signal
import subprocess
import sys
import time

SEED = 20261129


def write_site(root, files):
    os.makedirs(os.path.join(root, "migrations"))
    with open(os.path.join(root, "fmkit.yaml"), "w") as f:
        f.write("collections:\n  posts:\n    include: 'content/**/*.md'\n"
                "    schema: post.schema.json\n    migrations: migrations\n")
    with open(os.path.join(root, "post.schema.json"), "w") as f:
        f.write('{"type": "object", "required": ["title"]}\n')
    with open(os.path.join(root, "migrations", "0002-host.yaml"), "w") as f:
        f.write("version: 2\nops:\n  - rename: {from: speaker, to: host}\n"
                "  - set: {field: reviewed, value: false, if_missing: true}\n")
    for i in range(files):
        folder = os.path.join(root, "content", "s%02d" % (i % 25))
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, "post-%05d.md" % i)
        with open(path, "w") as f:
            f.write("---\ntitle: Post %d\nspeaker: Person %d  # kept\n"
                    "version: 1.10\ntags: [a, b]\n---\n%s\n"
                    % (i, i, "Body text. " * (1 + i % 50)))
        os.chmod(path, 0o640 if i % 7 == 0 else 0o644)


def posts(root):
    out = {}
    for folder, _, names in os.walk(os.path.join(root, "content")):
        for name in names:
            if name.startswith("."):
                continue  # a temporary file (see temporaries())
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                out[os.path.relpath(path, root)] = (
                    f.read(), os.stat(path).st_mode & 0o7777)
    return out


def temporaries(root):
    found = []
    for folder, _, names in os.walk(root):
        found += [os.path.join(folder, n) for n in names if ".fmkit-" in n
                  and n.startswith(".")]
    return found


def run(fmkit, root):
    return subprocess.run([fmkit, "migrate", "--write"], cwd=root,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def main():
    fmkit, work = os.path.abspath(sys.argv[1]), sys.argv[2]
    kills = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    files = int(sys.argv[4]) if len(sys.argv) > 4 else 5000
    rng = random.Random(SEED)
    shutil.rmtree(work, ignore_errors=True)
    old_site, new_site, site = (os.path.join(work, n)
                                for n in ("old", "new", "site"))
    write_site(old_site, files)
    old = posts(old_site)
    shutil.copytree(old_site, new_site)
    start = time.monotonic()
    done = run(fmkit, new_site)
    full = time.monotonic() - start
    if done.returncode != 0:
        sys.exit("the reference run failed: %s" % done.stderr.decode())
    new = posts(new_site)
    assert all(new[p][0] != old[p][0] for p in old), "every post changes"
    shutil.copytree(old_site, site)
    failures = 0
    leftovers = 0
    for k in range(kills):
        process = subprocess.Popen([fmkit, "migrate", "--write"],
                                   cwd=site, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        delay = rng.uniform(0, full)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = posts(site)
        if set(now) != set(old):
            sys.exit("kill %d: posts missing or added: %s" %
                     (k, sorted(set(old) ^ set(now))[:5]))
        for path, (data, mode) in now.items():
            if data not in (old[path][0], new[path][0]) or mode != old[path][1]:
                print("kill %d: %s is neither old nor new (mode %o)" %
                      (k, path, mode))
                failures += 1
        leftovers += len(temporaries(site))
        migrated = sum(1 for p in now if now[p][0] == new[p][0])
        print("kill %d after %.2fs: %d of %d posts migrated, %d temporary files"
              % (k, delay, migrated, len(now), len(temporaries(site))))
        if migrated == len(now) and k + 1 < kills:
            # Nothing left to write: start again from the old posts, keeping
            # the temporary files, so that the next kill lands in a write.
            for path, (data, mode) in old.items():
                target = os.path.join(site, path)
                with open(target, "wb") as f:
                    f.write(data)
                os.chmod(target, mode)
    # A temporary file left empty by a kill stays for 10 seconds (its writer
    # may not have locked it yet: run/atomic_file.hpp); fmkit makes one only
    # where the file system has no O_TMPFILE. Wait them out.
    empty = [p for p in temporaries(site) if os.path.getsize(p) == 0]
    if empty:
        print("%d empty temporary files: waiting 11 s" % len(empty))
        time.sleep(11)
    final = run(fmkit, site)
    if final.returncode != 0:
        sys.exit("the run after the kills failed: %s" % final.stderr.decode())
    if posts(site) != new:
        sys.exit("the run after the kills did not complete the migration")
    left = temporaries(site)
    if left:
        sys.exit("temporary files left: %s" % left[:5])
    if failures:
        sys.exit("%d posts were neither old nor new after a kill" % failures)
    print("ok: %d kills over %d posts (a full run takes %.2fs); %d temporary "
          "files left by kills, all removed by the next run"
          % (kills, files, full, leftovers))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
