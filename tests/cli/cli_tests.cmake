# CTest tests of the sstk tool (included from tools/CMakeLists.txt when tests are built): each
# runs the built tool on a fixture and checks its exit status, output and messages.
set(_cli ${PROJECT_SOURCE_DIR}/tests/cli)
set(_fx ${_cli}/fixtures)
set(_golden ${PROJECT_SOURCE_DIR}/tests/data/vectors/datacontract)

# sstk_cli_case(NAME ARGS a b c [STDIN f] [EXIT n] [EXPECT_STDOUT f] [STDOUT_HAS s...] [STDERR_HAS s...]
#               [STDERR_EMPTY] [ENV NAME=VALUE...])
function(sstk_cli_case name)
    cmake_parse_arguments(T "STDERR_EMPTY" "STDIN;EXIT;EXPECT_STDOUT;ABSENT" "ARGS;STDOUT_HAS;STDERR_HAS;ENV" ${ARGN})
    if(NOT DEFINED T_EXIT)
        set(T_EXIT 0)
    endif()
    string(REPLACE ";" "^^" _args "${T_ARGS}")
    string(REPLACE ";" "^^" _out_has "${T_STDOUT_HAS}")
    string(REPLACE ";" "^^" _err_has "${T_STDERR_HAS}")
    string(REPLACE ";" "^^" _env "${T_ENV}")
    add_test(NAME cli/${name}
             COMMAND ${CMAKE_COMMAND} -DTOOL=$<TARGET_FILE:sstk_tool> "-DARGS=${_args}" "-DSTDIN=${T_STDIN}"
                     -DEXIT=${T_EXIT} "-DEXPECT_STDOUT=${T_EXPECT_STDOUT}" "-DSTDOUT_HAS=${_out_has}"
                     "-DSTDERR_HAS=${_err_has}" -DSTDERR_EMPTY=${T_STDERR_EMPTY} "-DENV=${_env}" "-DABSENT=${T_ABSENT}"
                     -P ${_cli}/run_case.cmake
             WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    set_tests_properties(cli/${name} PROPERTIES LABELS cli TIMEOUT 120)
endfunction()

# ---- convert: the golden DataContractSerializer bytes are the oracle for XML ---------------------
sstk_cli_case(convert_json_to_xml_is_the_golden_vector
    ARGS convert --type PasswordReset --from json --to xml STDIN ${_fx}/password_reset.json
    EXPECT_STDOUT ${_golden}/seed_PasswordReset.xml STDERR_EMPTY)
sstk_cli_case(convert_golden_xml_to_json
    ARGS convert --type Eros.Subtle.Canvara.WebAPIModel.ServiceModel.PasswordReset --from xml --to json
         ${_golden}/seed_PasswordReset.xml
    EXPECT_STDOUT ${_fx}/password_reset.ss.json STDERR_EMPTY)
sstk_cli_case(convert_to_system_text_json
    ARGS convert -t PasswordReset -T stj STDIN ${_fx}/password_reset.json EXPECT_STDOUT ${_fx}/password_reset.stj.json)
sstk_cli_case(convert_reads_system_text_json
    ARGS convert -t PasswordReset -f stj -T json ${_fx}/password_reset.stj.json EXPECT_STDOUT ${_fx}/password_reset.ss.json)
sstk_cli_case(convert_to_jsv
    ARGS convert -t PasswordReset -T jsv STDIN ${_fx}/password_reset.json EXPECT_STDOUT ${_fx}/password_reset.jsv)
sstk_cli_case(convert_to_csv
    ARGS convert -t PasswordReset -T csv STDIN ${_fx}/password_reset.json EXPECT_STDOUT ${_fx}/password_reset.csv)
sstk_cli_case(convert_to_xml_client_form
    ARGS convert -t PasswordReset -T xml-client STDIN ${_fx}/password_reset.json
    EXPECT_STDOUT ${_fx}/password_reset.client.xml)
sstk_cli_case(convert_to_xml_indented_is_the_golden_vector
    ARGS convert -t PasswordReset -T xml-indented STDIN ${_fx}/password_reset.json
    EXPECT_STDOUT ${_golden}/seed_PasswordReset.indented.xml)
sstk_cli_case(convert_to_query_string
    ARGS convert -t GetResetPasswordToken -T query ${_fx}/reset_token.json EXPECT_STDOUT ${_fx}/reset_token.query)
sstk_cli_case(convert_to_form
    ARGS convert -t GetResetPasswordToken -T form ${_fx}/reset_token.json EXPECT_STDOUT ${_fx}/reset_token.form)
sstk_cli_case(convert_query_string_back_to_json
    ARGS convert -t GetResetPasswordToken -f query -T json ${_fx}/reset_token.query EXPECT_STDOUT ${_fx}/reset_token.json)
sstk_cli_case(convert_response_with_errors_to_xml_is_the_golden_vector
    ARGS convert -t WebService.AppApi.Models.ResetPasswordResponse -T xml ${_fx}/response_status_error.json
    EXPECT_STDOUT ${_golden}/ss_ResponseStatus_error.xml)
# a CSV list is streamed row by row to json, jsv and csv; the non-streamed path gives the same bytes
sstk_cli_case(convert_csv_list_streams_to_json
    ARGS convert -t PasswordReset --list -f csv -T json ${_fx}/password_resets.csv EXPECT_STDOUT ${_fx}/password_resets.json)
sstk_cli_case(convert_csv_list_progress_on_stderr
    ARGS convert -t PasswordReset --list -f csv -T json --progress ${_fx}/password_resets.csv
    EXPECT_STDOUT ${_fx}/password_resets.json STDERR_HAS "sstk: 3 rows, 0.0 MB read")
sstk_cli_case(convert_csv_list_to_xml_whole_document
    ARGS convert -t PasswordReset --list -f csv -T xml ${_fx}/password_resets.csv EXPECT_STDOUT ${_fx}/password_resets.xml)
sstk_cli_case(convert_csv_list_round_trips_byte_exact
    ARGS convert -t PasswordReset --list -f csv -T csv ${_fx}/password_resets.csv EXPECT_STDOUT ${_fx}/password_resets.csv)
sstk_cli_case(convert_json_list_to_csv
    ARGS convert -t PasswordReset --list -f json -T csv ${_fx}/password_resets.json EXPECT_STDOUT ${_fx}/password_resets.csv)
sstk_cli_case(convert_bad_csv_row_names_row_and_column
    ARGS convert -t PasswordReset --list -f csv -T json ${_fx}/bad_row.csv EXIT 1
    STDERR_HAS "bad_row.csv:3:" "[1]")
sstk_cli_case(convert_syntax_error_has_line_and_column
    ARGS convert -t PasswordReset -T xml ${_fx}/broken.json EXIT 1
    STDERR_HAS "broken.json:3:" "syntax error")
sstk_cli_case(convert_output_file_left_alone_on_error
    ARGS convert -t PasswordReset -T xml -o ${CMAKE_CURRENT_BINARY_DIR}/never_written.xml ${_fx}/broken.json EXIT 1
    ABSENT ${CMAKE_CURRENT_BINARY_DIR}/never_written.xml)

# ---- validate ------------------------------------------------------------------------------------
sstk_cli_case(validate_reports_every_error_with_line_column_path
    ARGS validate -t PasswordReset ${_fx}/invalid.json EXIT 1
    STDERR_HAS "invalid.json:2:3: unknown member at Extra" "invalid.json:5:3: unknown member at Nested"
               "invalid value at ApplianceId (line 6" "3 errors")
sstk_cli_case(validate_allow_unknown_reports_only_the_hard_error
    ARGS validate -t PasswordReset --allow-unknown ${_fx}/invalid.json EXIT 1
    STDERR_HAS "invalid value at ApplianceId" "1 error")
sstk_cli_case(validate_valid_payload
    ARGS validate -t PasswordReset ${_fx}/password_reset.json STDOUT_HAS "valid PasswordReset (json)")
sstk_cli_case(validate_xml_unknown_element
    ARGS validate -t PasswordReset -f xml ${_fx}/unknown_element.xml EXIT 1 STDERR_HAS "unknown_element.xml:1:")

sstk_cli_case(validate_required_members
    ARGS validate -t antel_api.ResetPassword ${_fx}/antel_missing.json EXIT 1
    STDERR_HAS "missing member at TemporaryPassword" "missing member at PasswordConfirm" "missing member at ApiKey"
               "3 errors")
sstk_cli_case(validate_no_required
    ARGS validate -t antel_api.ResetPassword --no-required ${_fx}/antel_missing.json STDOUT_HAS "valid ResetPassword")
# DataContractSerializer drops an element that comes after a later member: validate says so
sstk_cli_case(validate_xml_member_order
    ARGS validate -t PasswordReset -f xml ${_fx}/out_of_order.xml EXIT 1 STDERR_HAS "NewPassword")
sstk_cli_case(convert_reads_xml_in_any_order
    ARGS convert -t PasswordReset -f xml -T json ${_fx}/out_of_order.xml STDOUT_HAS "\"NewPassword\":\"p\"")

# ---- request -------------------------------------------------------------------------------------
sstk_cli_case(request_post_json
    ARGS request -t PasswordReset --base https://pfapi.example.com/ ${_fx}/password_reset.json
    EXPECT_STDOUT ${_fx}/password_reset.request.txt)
sstk_cli_case(request_get_puts_the_dto_on_the_url
    ARGS request -t GetResetPasswordToken --verb GET --base https://pfapi.example.com/v2 ${_fx}/reset_token.json
    EXPECT_STDOUT ${_fx}/reset_token.request.txt)
sstk_cli_case(request_xml_body_is_the_client_form
    ARGS request -t antel_api.ResetPassword -f xml-client ${_fx}/antel_reset.json
    STDOUT_HAS "POST /user/password/reset HTTP/1.1" "Content-Type: application/xml"
               "<ResetPassword xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"")

# ---- types ---------------------------------------------------------------------------------------
sstk_cli_case(types_lists_services_operations_routes
    ARGS types
    STDOUT_HAS "service platform_api" "operation PasswordReset -> PasswordResetResponse"
               "route ANY /api/account/passwordreset" "route POST /user/password/reset"
               "sstk::apis::ppw_assist::ResetPasswordRequest" "service servicestack")
sstk_cli_case(types_json
    ARGS types --json --service antel_api
    # (no '[' in the needles: CMake lists do not split inside brackets)
    STDOUT_HAS "\"name\":\"antel_api\"" "\"path\":\"/user/password/reset\",\"verbs\":\"POST\"" "\"kind\":\"request\"")

# ---- usage and i/o errors --------------------------------------------------------------------------
sstk_cli_case(help ARGS --help STDOUT_HAS "Usage: sstk COMMAND" "Exit status")
sstk_cli_case(help_convert ARGS help convert STDOUT_HAS "Usage: sstk convert" "xml-indented" "--list")
sstk_cli_case(no_command EXIT 2 STDERR_HAS "Usage: sstk")
sstk_cli_case(unknown_command ARGS frobnicate EXIT 2 STDERR_HAS "unknown command 'frobnicate'")
sstk_cli_case(unknown_option ARGS convert --typo EXIT 2 STDERR_HAS "unknown option --typo")
sstk_cli_case(missing_to ARGS convert -t PasswordReset EXIT 2 STDERR_HAS "missing --to")
sstk_cli_case(unknown_type ARGS convert -t Nope -T xml EXIT 2 STDERR_HAS "unknown type 'Nope'")
sstk_cli_case(ambiguous_type ARGS convert -t ResetPassword -T xml EXIT 2
    STDERR_HAS "ambiguous" "antel_api.ResetPassword" "antel_merchandiser.ResetPassword")
sstk_cli_case(unknown_format ARGS convert -t PasswordReset -T yaml EXIT 2 STDERR_HAS "unknown format 'yaml'")
sstk_cli_case(missing_file ARGS convert -t PasswordReset -T xml ${_fx}/does_not_exist.json EXIT 3
    STDERR_HAS "cannot open")

# ---- conform -------------------------------------------------------------------------------------
# The project's golden DataContract vectors (made by Mono's DCS in America/New_York): every vector
# of a registered type reads, re-writes byte-exact and round-trips.
sstk_cli_case(conform_golden_datacontract_vectors
    ARGS conform --doubles netfx-roundtrip --emit-default mono ${_golden}
    ENV TZ=America/New_York
    STDOUT_HAS "INDEX.tsv layout" "xml-indented" "xml-client" "PASSED")
sstk_cli_case(conform_golden_vectors_json_report
    ARGS conform --json --doubles netfx-roundtrip --emit-default mono ${_golden}
    ENV TZ=America/New_York
    STDOUT_HAS "\"passed\":true" "\"xml\":{\"vectors\":12,\"read\":12,\"exact\":12,\"round_trip\":12"
               "\"xml-client\":{\"vectors\":12,\"read\":12,\"exact\":12,\"round_trip\":12")
sstk_cli_case(conform_type_directories
    ARGS conform ${_fx}/vectors STDOUT_HAS "type-directory layout" "PASSED" "json-list")
sstk_cli_case(conform_reports_failures
    ARGS conform --json ${_fx}/failing_vectors EXIT 1
    STDOUT_HAS "\"passed\":false" "\"check\":\"exact\"" "\"reason\":\"type not registered\"")

# ---- streaming in constant memory ----------------------------------------------------------------
find_package(Python3 3.9 COMPONENTS Interpreter)
if(Python3_FOUND)
    if(SSTK_SANITIZE)
        set(_rss_bound 0)  # ASan's shadow memory makes RSS meaningless; the output is still checked
    else()
        set(_rss_bound 30)  # measured: about 14 MB whatever the input size
    endif()
    add_test(NAME cli/convert_csv_stream_constant_memory
             COMMAND ${Python3_EXECUTABLE} ${_cli}/streaming_test.py $<TARGET_FILE:sstk_tool> ${_rss_bound})
    set_tests_properties(cli/convert_csv_stream_constant_memory PROPERTIES LABELS cli TIMEOUT 300)
endif()

# ---- documentation: every ```cpp block is an excerpt of a compiled, run docs/examples program --
# (README.md and every docs/*.md; a new doc's snippet goes into an example, e.g. doc_snippets.cpp)
file(GLOB _docs CONFIGURE_DEPENDS RELATIVE ${PROJECT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/docs/*.md)
if(Python3_FOUND)
    add_test(NAME cli/doc_snippets_are_compiled_examples
             COMMAND ${Python3_EXECUTABLE} ${_cli}/doc_snippets.py ${PROJECT_SOURCE_DIR} README.md ${_docs})
    set_tests_properties(cli/doc_snippets_are_compiled_examples PROPERTIES LABELS cli TIMEOUT 60)
endif()
