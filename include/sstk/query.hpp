// Query-string and form-urlencoded codec: the C# client's and QueryStringSerializer's writers,
// and a reader that binds as a ServiceStack server does.
#pragma once

#include <sstk/query/encoding.hpp>
#include <sstk/query/options.hpp>
#include <sstk/query/read.hpp>
#include <sstk/query/write.hpp>
