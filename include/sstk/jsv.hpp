// JSV codec: ServiceStack's TypeSerializer format (text/jsv).
#pragma once

#include <sstk/jsv/options.hpp>
#include <sstk/jsv/read.hpp>
#include <sstk/jsv/write.hpp>
