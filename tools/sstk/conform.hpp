// `sstk conform DIR`: runs a directory of conformance vectors (docs/conform-runner.md).
#pragma once

namespace sstk_tool {

int cmd_conform(int argc, char** argv);

}  // namespace sstk_tool
