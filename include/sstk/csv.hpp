// CSV codec: ServiceStack's CsvSerializer format (text/csv), with a streaming reader.
#pragma once

#include <sstk/csv/options.hpp>
#include <sstk/csv/read.hpp>
#include <sstk/csv/write.hpp>
