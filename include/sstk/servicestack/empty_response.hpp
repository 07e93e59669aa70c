// ServiceStack's EmptyResponse and IdResponse, the stock responses of AutoQuery CRUD and of
// services that return nothing but a status (ServiceStack.Interfaces/EmptyResponse.cs,
// IdResponse.cs).
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/servicestack/namespaces.hpp>
#include <sstk/servicestack/response_status.hpp>

#include <boost/describe/class.hpp>

#include <optional>
#include <string>

namespace sstk {

struct EmptyResponse {
    std::optional<sstk::ResponseStatus> ResponseStatus;

    friend bool operator==(const EmptyResponse&, const EmptyResponse&) = default;
};
BOOST_DESCRIBE_STRUCT(EmptyResponse, (), (ResponseStatus))

constexpr auto sstk_contract(type_tag<EmptyResponse>) {
    return contract("EmptyResponse")
        .clr_namespace(servicestack_clr_namespace)
        .xml_namespace(servicestack_xml_namespace)
        .data_contract()
        .implements("IHasResponseStatus")
        .members(member("ResponseStatus").with_order(1));
}

struct IdResponse {
    std::optional<std::string> Id;
    std::optional<sstk::ResponseStatus> ResponseStatus;

    friend bool operator==(const IdResponse&, const IdResponse&) = default;
};
BOOST_DESCRIBE_STRUCT(IdResponse, (), (Id, ResponseStatus))

constexpr auto sstk_contract(type_tag<IdResponse>) {
    return contract("IdResponse")
        .clr_namespace(servicestack_clr_namespace)
        .xml_namespace(servicestack_xml_namespace)
        .data_contract()
        .implements("IHasId<string>", "IHasResponseStatus")
        .members(member("Id").with_order(1), member("ResponseStatus").with_order(2));
}

}  // namespace sstk
