// ServiceStack's ResponseError: one field error of a failed request.
// [DataContract] with [DataMember(Order=1..4)]: ErrorCode, FieldName, Message, Meta — in that
// order on every wire, not alphabetical (ServiceStack.Interfaces/ResponseError.cs).
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/servicestack/namespaces.hpp>
#include <sstk/types/dictionary.hpp>

#include <boost/describe/class.hpp>

#include <optional>
#include <string>

namespace sstk {

struct ResponseError {
    std::optional<std::string> ErrorCode;
    std::optional<std::string> FieldName;
    std::optional<std::string> Message;
    std::optional<dictionary<std::string, std::optional<std::string>>> Meta;  // .NET string values may be null

    friend bool operator==(const ResponseError&, const ResponseError&) = default;
};
BOOST_DESCRIBE_STRUCT(ResponseError, (), (ErrorCode, FieldName, Message, Meta))

constexpr auto sstk_contract(type_tag<ResponseError>) {
    return contract("ResponseError")
        .clr_namespace(servicestack_clr_namespace)
        .xml_namespace(servicestack_xml_namespace)
        .data_contract()
        .implements("IMeta")
        .members(member("ErrorCode").with_order(1), member("FieldName").with_order(2), member("Message").with_order(3),
                 member("Meta").with_order(4));
}

}  // namespace sstk
