// The registered DTOs of the sstk tool: the seed services' generated registries
// (include/sstk/apis/*_registry.hpp) plus ServiceStack's own DTOs, and the one place the tool
// instantiates the codecs for them. To build the tool for your own service, generate its DTO
// header with `sstk-codegen --registry` and add its `<service>_service` to `tool_registry` below.
#include "dto.hpp"

#include <sstk/apis/antel_api_registry.hpp>
#include <sstk/apis/antel_merchandiser_registry.hpp>
#include <sstk/apis/platform_api_registry.hpp>
#include <sstk/apis/ppw_assist_registry.hpp>
#include <sstk/csv.hpp>
#include <sstk/http/request.hpp>
#include <sstk/json.hpp>
#include <sstk/jsv.hpp>
#include <sstk/query.hpp>
#include <sstk/servicestack/empty_response.hpp>
#include <sstk/servicestack/error_response.hpp>
#include <sstk/servicestack/response_error.hpp>
#include <sstk/servicestack/response_status.hpp>
#include <sstk/xml.hpp>

#include <istream>
#include <ostream>
#include <type_traits>

namespace sstk_tool {

// ServiceStack's built-in DTOs, registered by hand (any struct of this shape registers).
struct servicestack_service {
    static constexpr std::string_view name = "servicestack";
    using types = sstk::type_list<sstk::ResponseStatus, sstk::ResponseError, sstk::ErrorResponse, sstk::EmptyResponse,
                                  sstk::IdResponse>;
    using requests = sstk::type_list<>;
    using enums = sstk::type_list<>;
};

using tool_registry = sstk::registry<sstk::apis::platform_api::platform_api_service,
                                     sstk::apis::antel_api::antel_api_service,
                                     sstk::apis::antel_merchandiser::antel_merchandiser_service,
                                     sstk::apis::ppw_assist::ppw_assist_service, servicestack_service>;

namespace {

template <class V>
void read_as(std::string_view text, V& v, const format_spec& f) {
    switch (f.kind) {
    case wire::json: sstk::json::read(text, v, f.json_read); return;
    case wire::xml: sstk::xml::read(text, v, f.xml_read); return;
    case wire::jsv: sstk::jsv::read(text, v, f.jsv_read); return;
    case wire::csv: sstk::csv::read(text, v, f.csv_read); return;
    case wire::query:
    case wire::form:
        if constexpr (sstk::described_class<V>) {
            sstk::query::read(text, v, f.query_read);
            return;
        } else {
            throw sstk::error(sstk::errc::unsupported, "a query string or form holds one DTO, not a list");
        }
    }
}

template <class V>
void write_as(std::string& out, const V& v, const format_spec& f) {
    switch (f.kind) {
    case wire::json: sstk::json::write(out, v, f.json_write); return;
    case wire::xml: sstk::xml::write(out, v, f.xml_write); return;
    case wire::jsv: sstk::jsv::write(out, v, f.jsv_write); return;
    case wire::csv: sstk::csv::write(out, v, f.csv_write); return;
    case wire::query:
    case wire::form:
        if constexpr (sstk::described_class<V>) {
            sstk::query::write(out, v, f.query_write);
            return;
        } else {
            throw sstk::error(sstk::errc::unsupported, "a query string or form holds one DTO, not a list");
        }
    }
}

// Members the contract marks required ([ApiMember(IsRequired)], [DataMember(IsRequired)]) that
// the payload left null. ServiceStack itself does not enforce them; a validator should say so.
template <class V>
void missing_required(const V& v, std::vector<sstk::error>& out) {
    if constexpr (sstk::described_class<V>) {
        sstk::for_each_member<V>([&](auto m) {
            using M = decltype(m);
            if constexpr (M::required && sstk::is_optional_v<typename M::value_type>) {
                if (!M::get(v).has_value()) {
                    sstk::error e(sstk::errc::missing_member, "required by the service's metadata, but null or absent");
                    e.prepend_member(M::name);
                    out.push_back(std::move(e));
                }
            }
        });
    }
}

template <class V>
class dto_of final : public dto {
public:
    void read(std::string_view text, const format_spec& f) override { read_as(text, value_, f); }

    void write(std::string& out, const format_spec& f) const override { write_as(out, value_, f); }

    bool equals(const dto& other) const override {
        const auto* o = dynamic_cast<const dto_of*>(&other);
        return o != nullptr && o->value_ == value_;
    }

    std::vector<sstk::error> validate(std::string_view text, const format_spec& given, bool allow_unknown,
                                      bool check_required) override {
        format_spec f = given;
        std::vector<sstk::json::unknown_member> unknown;
        if (!allow_unknown) {
            f.json_read.unknown_members = sstk::json::unknown_member_policy::collect;
            f.json_read.unknown = &unknown;
            f.xml_read.unknown_elements = sstk::xml::unknown_element_policy::error;
            // an element DataContractSerializer would silently drop (out of order) is an error
            f.xml_read.order = sstk::xml::member_order_policy::data_contract;
            f.jsv_read.unknown_members = sstk::jsv::unknown_member_policy::error;
            f.query_read.unknown_members = sstk::jsv::unknown_member_policy::error;
        }
        std::vector<sstk::error> errors;
        std::optional<sstk::error> hard;
        try {
            read_as(text, value_, f);
        } catch (const sstk::error& e) {
            hard = e;
        }
        for (const auto& u : unknown) {
            sstk::error e(sstk::errc::unknown_member, "the DTO has no such member (value " + u.json + ")", u.offset);
            e.prepend_member(u.path);
            e.locate(text);
            errors.push_back(std::move(e));
        }
        if (hard) errors.push_back(*hard);
        else if (check_required) missing_required(value_, errors);
        return errors;
    }

    sstk::http::request request(const format_spec& body, const sstk::http::request_options& o) const override {
        if constexpr (sstk::described_class<V>) {
            sstk::http::request_options ro = o;
            ro.body.json = body.json_write;
            ro.body.xml = body.xml_write;
            ro.body.jsv = body.jsv_write;
            ro.body.csv = body.csv_write;
            ro.body.form = body.query_write;
            if (body.kind == wire::query) ro.body.form = sstk::query::write_options{};
            return sstk::http::request_for(value_, http_format(body), ro);
        } else {
            throw sstk::error(sstk::errc::unsupported, "a request is made from one DTO, not a list");
        }
    }

private:
    V value_{};
};

template <class T>
std::size_t stream_rows(std::istream& in, const format_spec& from, std::ostream& out, const format_spec& to,
                        const progress_fn& progress) {
    sstk::csv::reader<T> reader(from.csv_read);
    std::string buffer;
    std::size_t rows = 0;
    format_spec row_format = to;
    row_format.csv_write.omit_headers = true;
    row_format.csv_write.tabulate = sstk::csv::tabulate::self;
    const bool bracketed = to.kind != wire::csv;
    if (bracketed) {
        out << '[';
    } else {
        // the header row alone: what an empty list writes
        std::string header;
        sstk::csv::write(header, std::vector<T>{}, to.csv_write);
        out << header;
    }
    const auto on_row = [&](T&& item) {
        buffer.clear();
        if (bracketed && rows != 0) buffer += ',';
        write_as(buffer, item, row_format);
        out << buffer;
        ++rows;
    };
    std::string chunk(from.csv_read.chunk_size == 0 ? 64 * 1024 : from.csv_read.chunk_size, '\0');
    std::size_t bytes = 0;
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0) break;
        bytes += got;
        reader.feed(std::string_view(chunk.data(), got), on_row);
        if (progress) progress(rows, bytes);
        if (!out) throw sstk::error(sstk::errc::io, "writing the output failed");
    }
    if (in.bad()) throw sstk::error(sstk::errc::io, "reading the input failed");
    reader.finish(on_row);
    if (bracketed) out << ']';
    if (progress) progress(rows, bytes);
    return rows;
}

template <class T>
std::unique_ptr<dto> make_one() {
    return std::make_unique<dto_of<T>>();
}
template <class T>
std::unique_ptr<dto> make_list() {
    return std::make_unique<dto_of<std::vector<T>>>();
}

std::vector<tool_type> build_types() {
    std::vector<tool_type> out;
    tool_registry::for_each_type([&](auto tag, const sstk::type_info& info) {
        using T = typename decltype(tag)::type;
        out.push_back(tool_type{&info, &make_one<T>, &make_list<T>, &stream_rows<T>});
    });
    return out;
}

const std::vector<tool_type>& types_table() {
    static const std::vector<tool_type> table = build_types();
    return table;
}

}  // namespace

bool can_stream_rows_to(const format_spec& to) {
    return to.kind == wire::json || to.kind == wire::jsv || to.kind == wire::csv;
}

std::span<const sstk::type_info> all_types() { return tool_registry::types(); }

std::span<const std::string_view> all_services() {
    static constexpr auto names = tool_registry::services();
    return names;
}

found_type find_type(std::string_view name) {
    found_type r;
    const sstk::type_lookup l = tool_registry::lookup(name);
    r.candidates = l.candidates;
    r.info = l.match;
    if (l.match && l.match->index != sstk::type_info::npos) r.match = &types_table()[l.match->index];
    return r;
}

const sstk::type_info* response_of(const sstk::type_info& request) { return tool_registry::response_of(request); }

}  // namespace sstk_tool
