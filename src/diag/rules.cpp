// SPDX-License-Identifier: MIT
#include "diag/rules.hpp"

#include <algorithm>
#include <string>

namespace fmkit {

namespace {

constexpr Severity E = Severity::error;
constexpr Severity W = Severity::warning;

// Grouped by family, in the order the README lists them. A new rule is a
// new row here (the tests say so when one is missing).
constexpr RuleInfo k_rules[] = {
    // The front-matter block.
    {"front-matter.missing", E,
     "no '---' line opens the file, and the collection requires front matter",
     "Start the file with a '---' line, the front matter, and a closing "
     "'---' line; or set 'require_front_matter: false' for the collection.",
     "rules"},
    {"front-matter.unclosed", E,
     "no '---' or '...' line closes the front matter",
     "Add a line holding only '---' after the last key of the front matter.",
     "rules"},
    {"front-matter.not-mapping", E, "the front matter is a list or a scalar",
     "Write the front matter as 'key: value' lines, one mapping at the top "
     "level.",
     "rules"},
    {"front-matter.language", E,
     "an opening line naming a language fmkit cannot read ('---coffee')",
     "Write the front matter in YAML ('---'), JSON ('---json' or a '{' "
     "object) or TOML.",
     "dialects"},
    // YAML.
    {"yaml.syntax", E, "a YAML syntax error",
     "Fix the YAML at the caret: tab indentation, an unclosed quote or "
     "bracket, 'key: a: b' (quote a value holding ': ').",
     "rules"},
    {"yaml.duplicate-key", E,
     "a key repeats in a mapping; the message names both places",
     "Readers disagree about which value wins: keep one of the two keys the "
     "message names.",
     "rules"},
    {"yaml.complex-key", E, "a key that is a list or a mapping",
     "JSON keys are strings: use a plain or quoted string as the key.",
     "rules"},
    {"yaml.utf8", E, "invalid UTF-8, at the first bad byte",
     "Save the file as UTF-8; the message names the byte that is not.",
     "rules"},
    {"yaml.control-character", E,
     "a raw control character that YAML forbids (NUL, ESC, DEL, the C1 "
     "controls, U+FFFE, U+FFFF), or a line separator (U+2028, U+2029, NEL) "
     "outside quotes, a line break to YAML 1.1",
     "Some readers silently cut a value at a control character: delete it, "
     "or write it as the escape the message names ('\\0', '\\e', '\\x7F') in "
     "a double-quoted string.",
     "rules"},
    {"yaml.bom", E,
     "a byte-order mark (U+FEFF) anywhere but the very start of the file",
     "It would become part of the next key or value: delete it.", "rules"},
    {"yaml.limit", E,
     "too many nodes after alias expansion (an alias bomb), too deep, or too "
     "large",
     "Front matter is limited to 100,000 nodes after aliases, depth 64 and "
     "1 MiB: expand fewer aliases, or move the data out of the front matter.",
     "rules"},
    {"yaml.alias", E,
     "an alias to an unknown or unfinished anchor (a self-reference)",
     "Define the anchor ('&name') before the alias ('*name'), outside the "
     "value that uses it.",
     "rules"},
    {"yaml.tag", E, "a value its explicit tag cannot read ('!!int abc')",
     "Remove the tag, or write a value of the tagged type.", "rules"},
    {"yaml.unknown-tag", W,
     "a tag that is not a YAML type ('!custom', '!!python/object'); an error "
     "in fmkit's own files ('!include' in fmkit.yaml or a migration)",
     "PyYAML (MkDocs) and js-yaml (Eleventy, Astro) reject the file; Jekyll "
     "and Hugo, and fmkit, read the value as if untagged. Remove the tag.",
     "rules"},
    {"yaml.merge-key", E,
     "a '<<' merge key not followed by a mapping or a list of mappings",
     "Write an alias to a mapping ('<<: *name' merges the mapping anchored "
     "'&name' into this one, its own keys winning, as the site generators "
     "do), or quote the key ('\"<<\"') for a key named '<<'.",
     "rules"},
    {"yaml.unsupported", E,
     "valid YAML that fmkit's parser (libfyaml) would read wrongly: an empty "
     "block scalar ('|' or '>' with no lines) followed by a line at its "
     "collection's indentation",
     "Write '' for the empty string: fmkit stops rather than check data the "
     "generators do not see.",
     "rules"},
    {"yaml.multiple-documents", E, "several YAML documents in one front matter",
     "Front matter is one document: remove the '---' or '...' line inside it.",
     "rules"},
    {"yaml.indentation", W,
     "a flow collection's closing ']' or '}', or a quoted string's "
     "continuation line, not indented past its key",
     "Strict YAML rejects it while Hugo, Jekyll and Eleventy read it, so "
     "fmkit reads it too: indent the line as the message says.",
     "rules"},
    {"yaml.non-finite", W, "'.inf' or '.nan': no JSON form, kept as a string",
     "Quote the value if a string is meant; JSON has no infinity or NaN.",
     "rules"},
    // TOML ("+++" front matter).
    {"toml.syntax", E,
     "a TOML syntax error, invalid UTF-8 or a byte-order mark in the TOML text",
     "Fix the TOML at the caret: 'key = value' (not 'key: value'), quoted "
     "strings, one key per line, inline tables on one line.",
     "dialects"},
    {"toml.duplicate-key", E,
     "a key, table or array of tables defined twice; the message names both "
     "places",
     "TOML readers refuse the file: keep one of the two definitions, or "
     "merge the tables.",
     "dialects"},
    {"toml.limit", E, "too many keys and values, too deep, or too large",
     "Front matter is limited to 100,000 keys and values, depth 64 and 1 "
     "MiB: move the data out of the front matter.",
     "dialects"},
    {"toml.non-finite", W, "'inf' or 'nan': no JSON form, kept as a string",
     "Quote the value if a string is meant; JSON has no infinity or NaN.",
     "dialects"},
    {"yaml11-bool", W,
     "'yes', 'no', 'on', 'off', 'y', 'n': strings in YAML 1.2, booleans in 1.1",
     "YAML 1.1 readers (PyYAML, Jekyll, Hugo's go-yaml v2) read a boolean: "
     "quote it to keep a string, or write true or false.",
     "rules"},
    {"yaml11-null", W,
     "'nULL', 'NuLl': a string in YAML 1.2, null to Jekyll (Psych)",
     "Jekyll reads null: quote it to keep a string, or write null.", "rules"},
    {"yaml11-timestamp", W,
     "an unquoted date: a string in YAML 1.2, a timestamp in YAML 1.1",
     "Quote the date ('2024-11-13') so every reader gets the same string.",
     "rules"},
    {"yaml11-octal", W, "'0755': the number 755 in YAML 1.2, 493 in YAML 1.1",
     "Quote it to keep the digits, or write 0o755 for an octal number.",
     "rules"},
    {"yaml11-sexagesimal", W,
     "'1:30': a string in YAML 1.2, 90 in YAML 1.1 (5400 in Jekyll)",
     "Quote the value so every reader gets the same string.", "rules"},
    {"yaml11-number", W,
     "'1_000', '1,000', '0b101', '0X1F', '1e3': numbers to some readers, "
     "strings in YAML 1.2",
     "Quote it to keep a string, or write the number in YAML 1.2 form.",
     "rules"},
    {"yaml11-ambiguous", W,
     "in a 'yaml: \"1.1\"' collection, a value PyYAML, Jekyll and Eleventy's "
     "js-yaml 3 read differently ('yes', '1:30', '1e3'); fmkit reads what "
     "most of them do",
     "Write the value so that every reader agrees: true or false for a "
     "boolean, plain digits for a number, quotes for a string.",
     "yaml-11-or-12-reading-as-your-generator-does"},
    // JSON front matter.
    {"json.syntax", E,
     "invalid JSON front matter, at the character that stops it",
     "Fix the JSON at the caret: a trailing comma, a comment, single quotes "
     "or a bare word are the usual causes.",
     "dialects"},
    {"json.duplicate-key", E,
     "a key repeats in a JSON object; the message names both places",
     "Readers disagree about which value wins: keep one of the two keys the "
     "message names.",
     "dialects"},
    {"json.limit", E,
     "front matter in JSON that is too deep, too large or has too many values",
     "Front matter is limited to 100,000 values, depth 64 and 1 MiB: move "
     "the data out of the front matter.",
     "dialects"},
    // The run.
    {"io", E, "a file or folder that cannot be read (no position)",
     "Check that the path exists and is readable; the message gives the "
     "system's reason. fmkit exits with 2.",
     "rules"},
    {"internal", E, "a bug in fmkit while checking this file",
     "Please report it with the file; the other files are still checked. "
     "fmkit exits with 2.",
     "rules"},
    {"path.no-match", E, "a PATH from which no file is checked",
     "Fix the path, or pass --no-error-on-unmatched-pattern when no file is "
     "fine (a warning then).",
     "rules"},
    // The result cache and the baseline.
    {"cache", W, "the result cache cannot be written",
     "The results are not kept for the next run, which checks every file "
     "again; check the cache folder's permissions, or pass --cache-dir DIR "
     "or --no-cache.",
     "result-cache"},
    {"baseline.json", E, "a baseline file that is not valid JSON",
     "Fix the JSON at the caret, or write the baseline again with "
     "--write-baseline. fmkit exits with 2.",
     "baseline-adopting-fmkit-on-a-site-with-findings"},
    {"baseline.invalid", E, "a baseline file of another shape",
     "A baseline is {'version': 1, 'findings': [{'file', 'rule', 'pointer', "
     "'count'}]}; write it again with --write-baseline. fmkit exits with 2.",
     "baseline-adopting-fmkit-on-a-site-with-findings"},
    // Git, for --changed-since and --staged.
    {"git.ref", E,
     "--changed-since names a revision git does not know, or one with no "
     "commit in common with HEAD (a shallow clone)",
     "Fetch the revision first (in a CI checkout, with 'fetch-depth: 0'), or "
     "fix its name. fmkit exits with 2.",
     "checking-only-some-files"},
    {"git.repository", E, "--changed-since or --staged outside a git work tree",
     "Run fmkit inside the repository, or pass PATHs or --files-from "
     "instead. fmkit exits with 2.",
     "checking-only-some-files"},
    {"git.not-found", E, "--changed-since or --staged without a git command",
     "Install git or put it on PATH. fmkit exits with 2.",
     "checking-only-some-files"},
    {"git.failed", E,
     "git failed for another reason; the message quotes what it said",
     "Fix what git says, then run fmkit again. fmkit exits with 2.",
     "checking-only-some-files"},
    {"git.unstaged", W,
     "--staged: a staged file that also has unstaged changes (the working "
     "tree is checked), or was deleted after staging (not checked)",
     "Stage or stash the other changes (pre-commit and lint-staged stash "
     "them), so that what is checked is what is committed.",
     "checking-only-some-files"},
    // fmkit.yaml.
    {"config.missing", E, "no fmkit.yaml in the folder or its parents",
     "Create fmkit.yaml, pass --config FILE, or pass --schema FILE and PATHs.",
     "config-fmkityaml"},
    {"config.unknown-key", E, "a key fmkit.yaml does not have",
     "Fix the spelling; the message suggests the key meant.",
     "config-fmkityaml"},
    {"config.missing-key", E, "a key fmkit.yaml requires is missing",
     "Add the key the message names (a collection needs 'include' and "
     "'schema').",
     "config-fmkityaml"},
    {"config.type", E, "a value of fmkit.yaml has the wrong type",
     "Write the value as the message says (a string, a list of strings, a "
     "boolean, a whole number).",
     "config-fmkityaml"},
    {"config.glob", E, "a glob fmkit cannot read",
     "Fix the glob at the caret ('**', '*', '?' and '[...]' are supported).",
     "config-fmkityaml"},
    {"config.version-key", E,
     "'version_key' is neither a key name nor a JSON Pointer",
     "Write a key name ('schema_version') or a JSON Pointer ('/meta/version').",
     "config-fmkityaml"},
    {"config.no-match", E, "a collection whose globs match no file",
     "Fix the 'include' globs (the message suggests a folder that exists), "
     "or pass --no-error-on-unmatched-pattern (a warning then).",
     "config-fmkityaml"},
    {"config.outside", E,
     "a schema, migrations folder or data file named outside the repository "
     "of fmkit.yaml (by '..', an absolute path or a symlink)",
     "Keep schemas, migrations and data files inside the repository, or pass "
     "--allow-outside when the run is trusted (never on pull requests whose "
     "fmkit.yaml anyone can edit).",
     "config-fmkityaml"},
    {"config.rule", E,
     "a rule across files ('unique:', 'references:') naming an unknown "
     "collection or normalization, or a field that is not a key or a JSON "
     "Pointer",
     "Fix the name at the caret; the message suggests the collection meant.",
     "rules-across-files"},
    {"config.data", E,
     "a data file named by 'references:' that is missing, unreadable, not "
     "valid YAML, JSON or TOML, or not a mapping (a list of mappings with "
     "'key:')",
     "Fix the path at the caret, or the data file where the problems after "
     "it point.",
     "rules-across-files"},
    {"config.no-collection", W,
     "a file named as a PATH, or a selected Markdown file in the folder of "
     "fmkit.yaml, that no collection covers",
     "The file is not checked: add a glob that matches it to a collection's "
     "'include', or leave it out.",
     "config-fmkityaml"},
    {"config.no-migrations", W,
     "a file named as a PATH whose collection has no migrations (an error "
     "at fmkit.yaml when no collection has any)",
     "The file is not migrated: add 'migrations:' to its collection.",
     "migrations"},
    // JSON Schema violations, one rule per keyword.
    {"schema.type", E, "a value of the wrong type",
     "Write a value of the type the schema asks for; a quoted '42' is a "
     "string, a bare 42 a number.",
     "rules"},
    {"schema.enum", E, "a value that is not one of the allowed values",
     "Use one of the values the message lists; it suggests the one meant.",
     "rules"},
    {"schema.const", E, "a value other than the one the schema requires",
     "Write the value the message names.", "rules"},
    {"schema.required", E, "a required key is missing",
     "Add the key; the message says in which mapping.", "rules"},
    {"schema.additional-properties", E, "a key the schema does not allow",
     "Remove the key, or fix its spelling: the message suggests the key "
     "meant.",
     "rules"},
    {"schema.property-names", E, "a key whose name the schema does not allow",
     "Rename the key to a name that matches 'propertyNames'.", "rules"},
    {"schema.dependencies", E,
     "a key the schema requires whenever another key is present",
     "Add the missing key, or remove the key that requires it.", "rules"},
    {"schema.false", E, "a key or value the schema forbids outright",
     "Remove it: the schema is 'false' at this place.", "rules"},
    {"schema.format", E, "a string that is not of its format",
     "Write a real date (2024-02-29), date-time, time, URI or e-mail address, "
     "as the format asks.",
     "rules"},
    {"schema.pattern", E, "a string that does not match the pattern",
     "Change the value to match the pattern the message quotes.", "rules"},
    {"schema.min-length", E, "a string shorter than allowed",
     "Lengthen the string; lengths count characters.", "rules"},
    {"schema.max-length", E, "a string longer than allowed",
     "Shorten the string; lengths count characters.", "rules"},
    {"schema.minimum", E, "a number below the minimum",
     "Use a number at or above the minimum.", "rules"},
    {"schema.maximum", E, "a number above the maximum",
     "Use a number at or below the maximum.", "rules"},
    {"schema.exclusive-minimum", E, "a number not above the exclusive minimum",
     "Use a number greater than the bound.", "rules"},
    {"schema.exclusive-maximum", E, "a number not below the exclusive maximum",
     "Use a number smaller than the bound.", "rules"},
    {"schema.multiple-of", E, "a number that is not a multiple of 'multipleOf'",
     "Use a multiple of the number the message names.", "rules"},
    {"schema.min-items", E, "a list with fewer items than allowed",
     "Add items to the list.", "rules"},
    {"schema.max-items", E, "a list with more items than allowed",
     "Remove items from the list.", "rules"},
    {"schema.unique-items", E, "a list with the same item twice",
     "Remove the repeated item.", "rules"},
    {"schema.contains", E, "a list with no item matching 'contains'",
     "Add an item that matches the schema in 'contains'.", "rules"},
    {"schema.additional-items", E, "a list with more items than 'items' allows",
     "Remove the items after the ones the schema describes.", "rules"},
    {"schema.min-properties", E, "a mapping with fewer keys than allowed",
     "Add keys to the mapping.", "rules"},
    {"schema.max-properties", E, "a mapping with more keys than allowed",
     "Remove keys from the mapping.", "rules"},
    {"schema.any-of", E, "a value that matches no schema of 'anyOf'",
     "Make the value match one of the schemas; the message names what each "
     "one wants.",
     "schemas"},
    {"schema.one-of", E,
     "a value that matches no schema of 'oneOf', or more than one",
     "Make the value match exactly one of the schemas.", "schemas"},
    {"schema.not", E, "a value that matches the schema in 'not'",
     "Change the value so that it no longer matches that schema.", "rules"},
    {"schema.invalid", E, "a value the schema rejects without a usable reason",
     "Compare the value with the schema; the message keeps the validator's "
     "words.",
     "rules"},
    // Rules across files (fmkit.yaml's 'unique:' and 'references:').
    {"unique.duplicate", E,
     "a value of a 'unique:' field that another file (or another item) "
     "also has; the message names the other place",
     "Change one of the two values: the generator builds one page over the "
     "other, or links to either.",
     "rules-across-files"},
    {"ref.dangling", E,
     "a value of a 'references:' field that names no key of its data file, "
     "or no file of its collection",
     "Fix the name (the message suggests the one meant), or add the entry "
     "it names.",
     "rules-across-files"},
    // Schema files.
    {"schema-file.json", E, "a schema file that is not valid JSON",
     "Fix the JSON at the caret: a trailing comma, a comment, a bare word.",
     "schemas"},
    {"schema-file.invalid", E, "a schema keyword with a value draft-07 forbids",
     "Fix the keyword at the caret: a bad type name, a pattern RE2 cannot "
     "run, a non-array 'required'.",
     "schemas"},
    {"schema-file.ref", E, "a '$ref' fmkit cannot follow",
     "Refer to a file under the root schema's folder (remote references are "
     "refused), and to a part that exists.",
     "schemas"},
    {"schema-file.unknown-keyword", W,
     "a keyword draft-07 does not know, so it checks nothing",
     "Fix its spelling (the message suggests the keyword meant), or rename "
     "an annotation of your own to start with 'x-'.",
     "fmkit-schema-check-is-this-schema-doing-what-you-think"},
    {"schema-file.ref-sibling", W,
     "a keyword next to '$ref', which draft-07 ignores",
     "Move the keyword into an 'allOf' beside the '$ref': {'allOf': "
     "[{'$ref': ...}, {...}]}.",
     "fmkit-schema-check-is-this-schema-doing-what-you-think"},
    {"schema-file.unknown-format", W,
     "a 'format' draft-07 does not define, so it checks nothing",
     "Use one of date, date-time, time, uri, uri-reference, email, ... or "
     "a 'pattern'.",
     "fmkit-schema-check-is-this-schema-doing-what-you-think"},
    {"schema-file.enum-type", W,
     "an 'enum' value or 'const' the object's own 'type' excludes",
     "That value can never match: quote it, or widen 'type'.",
     "fmkit-schema-check-is-this-schema-doing-what-you-think"},
    // Migration files.
    {"migration.unknown-op", E, "an op fmkit does not have",
     "Fix the op's name; the message suggests the op meant.", "migrations"},
    {"migration.unknown-key", E, "a key a migration file does not have",
     "Fix the key; the message suggests the key meant.", "migrations"},
    {"migration.unknown-argument", E, "an argument the op does not take",
     "Fix the argument; the message lists what the op takes.", "migrations"},
    {"migration.invalid", E, "a bad value or a missing argument in a migration",
     "Write the value as the message says.", "migrations"},
    {"migration.name", E, "a migration file whose name and 'version' disagree",
     "Rename the file NNNN-slug.yaml after its version, or fix 'version'.",
     "migrations"},
    {"migration.chain", E, "a version missing from the chain, or claimed twice",
     "Number the migrations from initial_version + 1 up, one file each.",
     "migrations"},
    // Running migrations.
    {"migrate.conflict", E,
     "an op cannot carry a value over without loss (a rename onto another "
     "value, 'set' without 'overwrite', no answer in 'map_values' or "
     "'convert')",
     "Resolve it by hand, or give the op what it needs ('overwrite: true', a "
     "'map' entry, a 'table' entry).",
     "migrations"},
    {"migrate.version", E,
     "a version key that is not a whole number, or newer than the last "
     "migration",
     "Write the document's version as a whole number the chain knows.",
     "migrations"},
    {"migrate.unsupported", E,
     "a layout the editor will not touch (an aliased value, a flow list with "
     "comments inside, a value with comments moved into a flow collection; in "
     "TOML a null or a rewritten array of tables)",
     "Rewrite the value by hand, then migrate again.", "migrations"},
    {"migrate.internal", E, "an edit did not give the expected JSON",
     "A bug in fmkit: the file is never written. Please report it.",
     "migrations"},
    {"migrate.io", E,
     "a file that cannot be written safely, or whose write "
     "failed",
     "Check the file: a symlink or hard link that cannot be written, changed "
     "on disk since it was read, or a write that failed (a full disk, a "
     "read-only folder: exit 2). A file that cannot be read is an io error.",
     "migrations"},
    {"migrate.unreadable", E,
     "front matter that cannot be read, with no reader error to show",
     "Fix the front matter so that 'fmkit validate' reads it.", "migrations"},
    {"migrate.no-front-matter", W,
     "a file with no front matter to migrate (not shown when the collection "
     "has 'require_front_matter: false')",
     "Nothing is done; add front matter if the file should have some.",
     "migrations"},
    {"migrate.to", E, "--to names a version the collection does not have",
     "Pass a version between the collection's first and last.", "migrations"},
    {"migrate.name", E, "a name 'migrate new' cannot make a file name of",
     "Give a name with a letter or a digit.", "migrations"},
    // Inferring schemas.
    {"infer.outlier", W,
     "a value that breaks its field's shape in a small minority of files",
     "A likely mistake: 'fmkit infer' left it out of the schema, so 'fmkit "
     "validate' reports it. Fix the value, or raise --outlier-ratio (or "
     "edit the schema) if it is meant.",
     "start-on-an-existing-site"},
};

}  // namespace

std::span<const RuleInfo> rule_catalog() { return k_rules; }

std::optional<size_t> find_rule(std::string_view id) {
  const auto* it = std::find_if(std::begin(k_rules), std::end(k_rules),
                                [&](const RuleInfo& r) { return r.id == id; });
  if (it == std::end(k_rules)) return std::nullopt;
  return static_cast<size_t>(it - std::begin(k_rules));
}

std::string rule_help_uri(const RuleInfo& rule) {
  return std::string(k_fmkit_home) + "#" + std::string(rule.anchor);
}

}  // namespace fmkit
