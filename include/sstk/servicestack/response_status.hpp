// ServiceStack's ResponseStatus: how every ServiceStack error reaches the client.
// [DataContract] with [DataMember(Order=1..5)]: ErrorCode, Message, StackTrace, Errors, Meta
// (ServiceStack.Interfaces/ResponseStatus.cs); XML namespace http://schemas.servicestack.net/types.
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/servicestack/namespaces.hpp>
#include <sstk/servicestack/response_error.hpp>
#include <sstk/types/dictionary.hpp>

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <vector>

namespace sstk {

struct ResponseStatus {
    std::optional<std::string> ErrorCode;
    std::optional<std::string> Message;
    std::optional<std::string> StackTrace;
    std::optional<std::vector<ResponseError>> Errors;
    std::optional<dictionary<std::string, std::optional<std::string>>> Meta;  // .NET string values may be null

    friend bool operator==(const ResponseStatus&, const ResponseStatus&) = default;
};
BOOST_DESCRIBE_STRUCT(ResponseStatus, (), (ErrorCode, Message, StackTrace, Errors, Meta))

constexpr auto sstk_contract(type_tag<ResponseStatus>) {
    return contract("ResponseStatus")
        .clr_namespace(servicestack_clr_namespace)
        .xml_namespace(servicestack_xml_namespace)
        .data_contract()
        .implements("IMeta")
        .members(member("ErrorCode").with_order(1), member("Message").with_order(2), member("StackTrace").with_order(3),
                 member("Errors").with_order(4), member("Meta").with_order(5));
}

}  // namespace sstk
