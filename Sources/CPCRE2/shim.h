#ifndef FORMA_CPCRE2_SHIM_H
#define FORMA_CPCRE2_SHIM_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>
#include <stdint.h>

/* Typed wrappers for PCRE2 macros and width-suffixed functions, so Swift never sees
   PCRE2_CODE_UNIT_WIDTH-dependent names. */

static inline pcre2_code_8 *forma_pcre2_compile(const char *pattern, size_t length, uint32_t options,
                                                int *error_code, size_t *error_offset) {
    return pcre2_compile_8((PCRE2_SPTR8)pattern, length, options, error_code, error_offset, NULL);
}

static inline pcre2_code_8 *forma_pcre2_compile_with_context(const char *pattern, size_t length, uint32_t options,
                                                             int *error_code, size_t *error_offset,
                                                             pcre2_compile_context_8 *context) {
    return pcre2_compile_8((PCRE2_SPTR8)pattern, length, options, error_code, error_offset, context);
}

static inline size_t forma_pcre2_zero_terminated(void) { return PCRE2_ZERO_TERMINATED; }

static inline int forma_pcre2_get_error_message(int code, char *buffer, size_t length) {
    return pcre2_get_error_message_8(code, (PCRE2_UCHAR8 *)buffer, length);
}

static inline int forma_pcre2_match(const pcre2_code_8 *code, const char *subject, size_t length,
                                    size_t start_offset, uint32_t options, pcre2_match_data_8 *match_data,
                                    pcre2_match_context_8 *context) {
    return pcre2_match_8(code, (PCRE2_SPTR8)subject, length, start_offset, options, match_data, context);
}

static inline int forma_pcre2_jit_match(const pcre2_code_8 *code, const char *subject, size_t length,
                                        size_t start_offset, uint32_t options, pcre2_match_data_8 *match_data,
                                        pcre2_match_context_8 *context) {
    return pcre2_jit_match_8(code, (PCRE2_SPTR8)subject, length, start_offset, options, match_data, context);
}

static inline int forma_pcre2_jit_compile(pcre2_code_8 *code, uint32_t options) {
    return pcre2_jit_compile_8(code, options);
}

static inline void forma_pcre2_code_free(pcre2_code_8 *code) { pcre2_code_free_8(code); }

static inline pcre2_match_data_8 *forma_pcre2_match_data_create_from_pattern(const pcre2_code_8 *code) {
    return pcre2_match_data_create_from_pattern_8(code, NULL);
}

static inline void forma_pcre2_match_data_free(pcre2_match_data_8 *data) { pcre2_match_data_free_8(data); }

static inline size_t *forma_pcre2_get_ovector_pointer(pcre2_match_data_8 *data) {
    return pcre2_get_ovector_pointer_8(data);
}

static inline pcre2_match_context_8 *forma_pcre2_match_context_create(void) {
    return pcre2_match_context_create_8(NULL);
}

static inline void forma_pcre2_match_context_free(pcre2_match_context_8 *context) {
    pcre2_match_context_free_8(context);
}

static inline int forma_pcre2_set_match_limit(pcre2_match_context_8 *context, uint32_t limit) {
    return pcre2_set_match_limit_8(context, limit);
}

static inline int forma_pcre2_set_depth_limit(pcre2_match_context_8 *context, uint32_t limit) {
    return pcre2_set_depth_limit_8(context, limit);
}

static inline int forma_pcre2_set_heap_limit(pcre2_match_context_8 *context, uint32_t limit_kib) {
    return pcre2_set_heap_limit_8(context, limit_kib);
}

static inline pcre2_compile_context_8 *forma_pcre2_compile_context_create(void) {
    return pcre2_compile_context_create_8(NULL);
}

static inline void forma_pcre2_compile_context_free(pcre2_compile_context_8 *context) {
    pcre2_compile_context_free_8(context);
}

static inline int forma_pcre2_set_compile_extra_options(pcre2_compile_context_8 *context, uint32_t options) {
    return pcre2_set_compile_extra_options_8(context, options);
}

static inline int forma_pcre2_set_parens_nest_limit(pcre2_compile_context_8 *context, uint32_t limit) {
    return pcre2_set_parens_nest_limit_8(context, limit);
}

static inline int forma_pcre2_config_jit(void) {
    uint32_t available = 0;
    if (pcre2_config_8(PCRE2_CONFIG_JIT, &available) < 0) return 0;
    return (int)available;
}

/* Option and error constants, exported as functions so Swift sees typed values. */
static inline uint32_t forma_pcre2_utf(void) { return PCRE2_UTF; }
static inline uint32_t forma_pcre2_ucp(void) { return PCRE2_UCP; }
static inline uint32_t forma_pcre2_anchored(void) { return PCRE2_ANCHORED; }
static inline uint32_t forma_pcre2_endanchored(void) { return PCRE2_ENDANCHORED; }
static inline uint32_t forma_pcre2_dollar_endonly(void) { return PCRE2_DOLLAR_ENDONLY; }
static inline uint32_t forma_pcre2_no_utf_check(void) { return PCRE2_NO_UTF_CHECK; }
static inline uint32_t forma_pcre2_alt_bsux(void) { return PCRE2_ALT_BSUX; }
static inline uint32_t forma_pcre2_extra_alt_bsux(void) { return PCRE2_EXTRA_ALT_BSUX; }
static inline uint32_t forma_pcre2_jit_complete(void) { return PCRE2_JIT_COMPLETE; }
static inline int forma_pcre2_error_nomatch(void) { return PCRE2_ERROR_NOMATCH; }
static inline int forma_pcre2_error_matchlimit(void) { return PCRE2_ERROR_MATCHLIMIT; }
static inline int forma_pcre2_error_depthlimit(void) { return PCRE2_ERROR_DEPTHLIMIT; }
static inline int forma_pcre2_error_heaplimit(void) { return PCRE2_ERROR_HEAPLIMIT; }
static inline int forma_pcre2_error_jit_stacklimit(void) { return PCRE2_ERROR_JIT_STACKLIMIT; }

/* Added for FormaSchema's ECMARegex. */
static inline pcre2_match_data_8 *forma_pcre2_match_data_create(uint32_t pairs) {
    return pcre2_match_data_create_8(pairs, NULL);
}

static inline int forma_pcre2_set_max_pattern_length(pcre2_compile_context_8 *context, size_t length) {
    return pcre2_set_max_pattern_length_8(context, length);
}

static inline uint32_t forma_pcre2_caseless(void) { return PCRE2_CASELESS; }
static inline uint32_t forma_pcre2_match_unset_backref(void) { return PCRE2_MATCH_UNSET_BACKREF; }
static inline uint32_t forma_pcre2_no_jit(void) { return PCRE2_NO_JIT; }
static inline int forma_pcre2_error_pattern_too_large(void) { return PCRE2_ERROR_PATTERN_TOO_LARGE; }
static inline int forma_pcre2_error_lookbehind_not_fixed_length(void) {
    return PCRE2_ERROR_LOOKBEHIND_NOT_FIXED_LENGTH;
}

static inline pcre2_match_context_8 *forma_pcre2_match_context_copy(pcre2_match_context_8 *context) {
    return pcre2_match_context_copy_8(context);
}

static inline pcre2_jit_stack_8 *forma_pcre2_jit_stack_create(size_t start_size, size_t max_size) {
    return pcre2_jit_stack_create_8(start_size, max_size, NULL);
}

static inline void forma_pcre2_jit_stack_free(pcre2_jit_stack_8 *stack) { pcre2_jit_stack_free_8(stack); }

static inline void forma_pcre2_jit_stack_assign(pcre2_match_context_8 *context, pcre2_jit_stack_8 *stack) {
    pcre2_jit_stack_assign_8(context, NULL, stack);
}

#endif
