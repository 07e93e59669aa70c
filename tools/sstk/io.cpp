#include "io.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>
#include <sstream>

namespace sstk_tool {

namespace {
std::string reason() { return std::strerror(errno); }
}  // namespace

std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

std::string read_all(const std::string& path) {
    if (path == "-") {
        std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
        if (std::cin.bad()) throw io_error("cannot read standard input");
        return text;
    }
    std::ifstream f(path, std::ios::binary);
    if (!f) throw io_error("cannot open " + path + ": " + reason());
    std::ostringstream s;
    s << f.rdbuf();
    if (f.bad()) throw io_error("cannot read " + path + ": " + reason());
    return std::move(s).str();
}

input::input(const std::string& path) : in_(&std::cin), name_(display_name(path)) {
    if (path != "-") {
        file_.open(path, std::ios::binary);
        if (!file_) throw io_error("cannot open " + path + ": " + reason());
        in_ = &file_;
    }
}

output::output(const std::string& path) : path_(path), out_(&std::cout) {
    if (path != "-") {
        temp_ = path + ".sstk-tmp";
        file_.open(temp_, std::ios::binary | std::ios::trunc);
        if (!file_) throw io_error("cannot write " + temp_ + ": " + reason());
        out_ = &file_;
    }
}

output::~output() {
    if (!done_) discard();
}

void output::commit() {
    done_ = true;
    out_->flush();
    if (!*out_) throw io_error("cannot write " + display_name(path_ == "-" ? "-" : temp_));
    if (!temp_.empty()) {
        file_.close();
        if (std::rename(temp_.c_str(), path_.c_str()) != 0) throw io_error("cannot rename " + temp_ + " to " + path_ + ": " + reason());
    }
}

void output::discard() {
    done_ = true;
    if (!temp_.empty()) {
        file_.close();
        std::remove(temp_.c_str());
    } else {
        out_->flush();
    }
}

}  // namespace sstk_tool
