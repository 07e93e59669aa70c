// Log-safe debug printing of any DTO, with secrets masked.
#pragma once

#include <sstk/debug/printer.hpp>
#include <sstk/debug/secrets.hpp>
