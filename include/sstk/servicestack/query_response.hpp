// ServiceStack's QueryResponse<T>, the AutoQuery response and the canonical generic DTO:
// [DataContract] Offset, Total, Results, Meta, ResponseStatus with Order 1..5
// (ServiceStack.Interfaces/QueryResponse.cs). Its XML contract name carries the generic-name
// hash: QueryResponse<Movie> in MyApp.ServiceModel is QueryResponseOfMovietlJ4_P31p.
#pragma once

#include <sstk/core/contract.hpp>
#include <sstk/servicestack/namespaces.hpp>
#include <sstk/servicestack/response_status.hpp>
#include <sstk/types/dictionary.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sstk {

template <class T>
struct QueryResponse {
    std::int32_t Offset = 0;
    std::int32_t Total = 0;
    std::optional<std::vector<T>> Results;
    std::optional<dictionary<std::string, std::optional<std::string>>> Meta;  // .NET string values may be null
    std::optional<sstk::ResponseStatus> ResponseStatus;

    friend bool operator==(const QueryResponse&, const QueryResponse&) = default;

    BOOST_DESCRIBE_CLASS(QueryResponse, (), (Offset, Total, Results, Meta, ResponseStatus), (), ())
};

template <class T>
constexpr auto sstk_contract(type_tag<QueryResponse<T>>) {
    return contract("QueryResponse")
        .clr_namespace(servicestack_clr_namespace)
        .xml_namespace(servicestack_xml_namespace)
        .data_contract()
        .implements("IQueryResponse", "IHasResponseStatus", "IMeta")
        .members(member("Offset").with_order(1), member("Total").with_order(2), member("Results").with_order(3),
                 member("Meta").with_order(4), member("ResponseStatus").with_order(5));
}

}  // namespace sstk
