// DataContract XML: byte-for-byte what .NET's DataContractSerializer writes through
// ServiceStack, and a reader for it.
#pragma once

#include <sstk/xml/options.hpp>
#include <sstk/xml/read.hpp>
#include <sstk/xml/write.hpp>
