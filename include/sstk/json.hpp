// JSON codec: ServiceStack.Text JSON and System.Text.Json as ServiceStack 8.1+ speaks it.
#pragma once

#include <sstk/json/options.hpp>
#include <sstk/json/read.hpp>
#include <sstk/json/write.hpp>
