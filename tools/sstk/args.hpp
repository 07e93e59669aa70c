// A small command-line parser: `--name value`, `--name=value`, `-x value`, flags, `--` and
// positional arguments. Unknown options and missing values are usage errors (exit status 2).
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sstk_tool {

struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct option_def {
    std::string name;      // long name without "--"
    char short_name = 0;   // 0: none
    std::string metavar;   // empty: a flag
    std::string help;
};

class arguments {
public:
    // Parses argv[first..argc); throws usage_error.
    arguments(const std::vector<option_def>& defs, int argc, char** argv, int first);

    bool has(std::string_view name) const { return values_.count(std::string(name)) != 0; }
    std::optional<std::string> get(std::string_view name) const;
    std::string get_or(std::string_view name, std::string fallback) const;
    // The value of a required option; usage_error naming it when absent.
    std::string require(std::string_view name) const;
    const std::vector<std::string>& positional() const { return positional_; }

private:
    std::map<std::string, std::string> values_;  // flags map to ""
    std::vector<std::string> positional_;
};

// The options block of a --help text, aligned.
std::string describe_options(const std::vector<option_def>& defs);

}  // namespace sstk_tool
