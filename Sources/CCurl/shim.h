#ifndef FORMA_CCURL_SHIM_H
#define FORMA_CCURL_SHIM_H

#include <curl/curl.h>

/* curl_easy_setopt / curl_easy_getinfo / curl_multi_setopt are variadic; Swift cannot call
   them. These typed wrappers give one entry point per argument type. */

static inline CURLcode forma_curl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode forma_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode forma_curl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode forma_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode forma_curl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*forma_curl_data_callback)(char *data, size_t size, size_t count, void *user);

static inline CURLcode forma_curl_easy_setopt_write_function(CURL *handle, forma_curl_data_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

static inline CURLcode forma_curl_easy_setopt_header_function(CURL *handle, forma_curl_data_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
}

static inline CURLcode forma_curl_easy_setopt_read_function(CURL *handle, forma_curl_data_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

static inline CURLcode forma_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode forma_curl_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode forma_curl_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return curl_multi_setopt(handle, option, value);
}

/* Write-callback return that pauses a transfer (a macro in curl.h). */
static inline size_t forma_curl_writefunc_pause(void) { return CURL_WRITEFUNC_PAUSE; }

/* curl_global_init(CURL_GLOBAL_DEFAULT) without the macro. */
static inline CURLcode forma_curl_global_init_default(void) { return curl_global_init(CURL_GLOBAL_DEFAULT); }

/* Resumes a paused transfer in both directions (CURLPAUSE_CONT is a macro expression). */
static inline CURLcode forma_curl_easy_unpause(CURL *handle) { return curl_easy_pause(handle, CURLPAUSE_CONT); }

/* The size curl requires for CURLOPT_ERRORBUFFER. */
static inline size_t forma_curl_error_size(void) { return CURL_ERROR_SIZE; }

/* Reads one CURLMsg: returns 1 and fills `easy` and `result` when it reports a finished
   transfer (CURLMSG_DONE), 0 otherwise. Hides the union in CURLMsg from Swift. */
static inline int forma_curl_msg_done(const CURLMsg *message, CURL **easy, CURLcode *result) {
    if (message == NULL || message->msg != CURLMSG_DONE) { return 0; }
    *easy = message->easy_handle;
    *result = message->data.result;
    return 1;
}

#endif
