// The full circle of /types/metadata, shared by tests/metadata (the document built in memory) and
// tests/host (the document fetched from a running host): feed it to codegen/sstk-codegen and
// compare the header it writes with the checked-in DTOs, top-level block by block.
#pragma once

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace sstk_test {

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The repository root (tests/data/../..).
inline std::filesystem::path repo_root() { return std::filesystem::path(SSTK_TEST_DATA_DIR) / ".." / ".."; }

// A generated header as a sorted list of its top-level blocks (blank-line separated), without
// the leading provenance comment: the same DTOs, whatever order the input listed them in.
inline std::vector<std::string> blocks_of(const std::string& header) {
    std::vector<std::string> out;
    std::istringstream in(header);
    std::string line, block;
    bool in_comment = true;
    while (std::getline(in, line)) {
        if (in_comment && line.rfind("//", 0) == 0) continue;
        in_comment = false;
        if (line.empty()) {
            if (!block.empty()) out.push_back(block);
            block.clear();
        } else {
            block += line + "\n";
        }
    }
    if (!block.empty()) out.push_back(block);
    std::sort(out.begin(), out.end());
    return out;
}

// Runs sstk-codegen on a MetadataTypes document as the seed headers were generated
// (`--name <service> --namespace 'sstk::apis::{service}'`); returns the header, or "" when
// the generator failed (its exit status is in *status).
inline std::string generate_seed_header(const std::string& metadata_json, const std::string& service, int* status) {
    namespace fs = std::filesystem;
    const fs::path work = fs::temp_directory_path() / ("sstk_circle_" + std::to_string(::getpid()) + "_" + service);
    fs::create_directories(work);
    const fs::path in = work / (service + ".json"), out = work / (service + ".hpp");
    std::ofstream(in, std::ios::binary) << metadata_json;
    const std::string cmd = "python3 '" + (repo_root() / "codegen" / "sstk-codegen").string() + "' --name " + service +
                            " --namespace 'sstk::apis::{service}' '" + in.string() + "' -o '" + out.string() + "'";
    *status = std::system(cmd.c_str());
    std::string header = *status == 0 ? slurp(out) : std::string();
    fs::remove_all(work);
    return header;
}

// The checked-in header of a seed service (include/sstk/apis/<service>.hpp).
inline std::string seed_header(const std::string& service) {
    return slurp(repo_root() / "include" / "sstk" / "apis" / (service + ".hpp"));
}

}  // namespace sstk_test
