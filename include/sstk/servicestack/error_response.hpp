// ServiceStack's ErrorResponse: the body of an error when the service has no response DTO of
// its own with a ResponseStatus (ServiceStack.Interfaces/ErrorResponse.cs).
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/servicestack/namespaces.hpp>
#include <sstk/servicestack/response_status.hpp>

#include <boost/describe/class.hpp>

#include <optional>

namespace sstk {

struct ErrorResponse {
    std::optional<sstk::ResponseStatus> ResponseStatus;

    friend bool operator==(const ErrorResponse&, const ErrorResponse&) = default;
};
BOOST_DESCRIBE_STRUCT(ErrorResponse, (), (ResponseStatus))

constexpr auto sstk_contract(type_tag<ErrorResponse>) {
    return contract("ErrorResponse")
        .clr_namespace(servicestack_clr_namespace)
        .xml_namespace(servicestack_xml_namespace)
        .data_contract()
        .implements("IHasResponseStatus")
        .members(member("ResponseStatus").with_order(1));
}

}  // namespace sstk
