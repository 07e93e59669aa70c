// Well-known XML namespaces of ServiceStack's own DTOs.
#pragma once

#include <string_view>

namespace sstk {

// ServiceStack's types live in CLR namespace "ServiceStack", mapped by
// [assembly: ContractNamespace("http://schemas.servicestack.net/types", ClrNamespace = "ServiceStack")]
// (ServiceStack.Interfaces/Properties/AssemblyInfo.cs).
inline constexpr std::string_view servicestack_clr_namespace = "ServiceStack";
inline constexpr std::string_view servicestack_xml_namespace = "http://schemas.servicestack.net/types";

}  // namespace sstk
