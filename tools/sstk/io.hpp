// Files and standard streams for the sstk tool: '-' is stdin/stdout; an output file is written
// to a temporary name and renamed into place, so a failed conversion leaves no partial file.
#pragma once

#include <fstream>
#include <iosfwd>
#include <stdexcept>
#include <string>

namespace sstk_tool {

struct io_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The whole input ('-': standard input); throws io_error.
std::string read_all(const std::string& path);

// "<stdin>" for '-', else the path.
std::string display_name(const std::string& path);

class input {
public:
    explicit input(const std::string& path);
    std::istream& stream() { return *in_; }
    const std::string& name() const { return name_; }

private:
    std::ifstream file_;
    std::istream* in_;
    std::string name_;
};

class output {
public:
    explicit output(const std::string& path);
    ~output();
    output(const output&) = delete;
    output& operator=(const output&) = delete;

    std::ostream& stream() { return *out_; }
    // Flushes, and for a file renames the temporary into place; throws io_error.
    void commit();
    // Drops what was written to a file (standard output cannot be taken back).
    void discard();

private:
    std::string path_, temp_;
    std::ofstream file_;
    std::ostream* out_;
    bool done_ = false;
};

}  // namespace sstk_tool
