#include "args.hpp"

#include <algorithm>

namespace sstk_tool {

arguments::arguments(const std::vector<option_def>& defs, int argc, char** argv, int first) {
    const auto find_long = [&](std::string_view n) -> const option_def* {
        for (const auto& d : defs)
            if (d.name == n) return &d;
        return nullptr;
    };
    const auto find_short = [&](char c) -> const option_def* {
        for (const auto& d : defs)
            if (d.short_name != 0 && d.short_name == c) return &d;
        return nullptr;
    };
    bool options_done = false;
    for (int i = first; i < argc; ++i) {
        const std::string a = argv[i];
        if (options_done || a == "-" || a.size() < 2 || a[0] != '-') {
            positional_.push_back(a);
            continue;
        }
        if (a == "--") {
            options_done = true;
            continue;
        }
        const option_def* d = nullptr;
        std::optional<std::string> inline_value;
        if (a[1] == '-') {
            const std::size_t eq = a.find('=');
            const std::string name = a.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
            if (eq != std::string::npos) inline_value = a.substr(eq + 1);
            d = find_long(name);
            if (!d) throw usage_error("unknown option --" + name);
        } else {
            if (a.size() != 2) throw usage_error("unknown option " + a + " (long options take two dashes)");
            d = find_short(a[1]);
            if (!d) throw usage_error("unknown option " + a);
        }
        if (d->metavar.empty()) {
            if (inline_value) throw usage_error("option --" + d->name + " takes no value");
            values_[d->name] = "";
        } else if (inline_value) {
            values_[d->name] = *inline_value;
        } else {
            if (i + 1 >= argc) throw usage_error("option --" + d->name + " needs a value (" + d->metavar + ")");
            values_[d->name] = argv[++i];
        }
    }
}

std::optional<std::string> arguments::get(std::string_view name) const {
    const auto it = values_.find(std::string(name));
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::string arguments::get_or(std::string_view name, std::string fallback) const {
    auto v = get(name);
    return v ? *v : std::move(fallback);
}

std::string arguments::require(std::string_view name) const {
    auto v = get(name);
    if (!v) throw usage_error("missing --" + std::string(name));
    return *v;
}

std::string describe_options(const std::vector<option_def>& defs) {
    std::vector<std::string> heads;
    std::size_t width = 0;
    for (const auto& d : defs) {
        std::string h = d.short_name ? std::string("-") + d.short_name + ", " : std::string("    ");
        h += "--" + d.name;
        if (!d.metavar.empty()) h += " " + d.metavar;
        width = std::max(width, h.size());
        heads.push_back(std::move(h));
    }
    std::string out;
    for (std::size_t i = 0; i < defs.size(); ++i) {
        out += "  " + heads[i] + std::string(width - heads[i].size() + 2, ' ');
        // continuation lines of the help text line up with its first line
        for (const char c : defs[i].help) {
            out += c;
            if (c == '\n') out += std::string(width + 4, ' ');
        }
        out += '\n';
    }
    return out;
}

}  // namespace sstk_tool
