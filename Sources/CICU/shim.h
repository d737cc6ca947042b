/*
 * Debian's ICU renames every C entry point with a version suffix through macros
 * (unorm2_normalize → unorm2_normalize_72) that Swift cannot see. These static
 * inline wrappers are compiled as C, so the macros apply, and Swift calls them
 * by stable names. Add a wrapper here when ICUText needs another ICU function.
 */
#ifndef JARYA_CICU_SHIM_H
#define JARYA_CICU_SHIM_H

#include <unicode/utypes.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/ubrk.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>

static inline const char *jr_errorName(UErrorCode code) { return u_errorName(code); }

/* Normalization */
static inline const UNormalizer2 *jr_nfc(UErrorCode *status) { return unorm2_getNFCInstance(status); }
static inline const UNormalizer2 *jr_nfd(UErrorCode *status) { return unorm2_getNFDInstance(status); }
static inline const UNormalizer2 *jr_nfkc(UErrorCode *status) { return unorm2_getNFKCInstance(status); }
static inline const UNormalizer2 *jr_nfkd(UErrorCode *status) { return unorm2_getNFKDInstance(status); }
static inline const UNormalizer2 *jr_nfkcCasefold(UErrorCode *status) { return unorm2_getNFKCCasefoldInstance(status); }
static inline int32_t jr_normalize(const UNormalizer2 *n, const UChar *src, int32_t length,
                                   UChar *dest, int32_t capacity, UErrorCode *status) {
    return unorm2_normalize(n, src, length, dest, capacity, status);
}
static inline int32_t jr_spanQuickCheckYes(const UNormalizer2 *n, const UChar *s, int32_t length, UErrorCode *status) {
    return unorm2_spanQuickCheckYes(n, s, length, status);
}
static inline UBool jr_hasBoundaryBefore(const UNormalizer2 *n, UChar32 c) { return unorm2_hasBoundaryBefore(n, c); }

/* Transliteration */
static inline UTransliterator *jr_utrans_openU(const UChar *id, int32_t idLength, UTransDirection dir,
                                               const UChar *rules, int32_t rulesLength,
                                               UParseError *parseError, UErrorCode *status) {
    return utrans_openU(id, idLength, dir, rules, rulesLength, parseError, status);
}
static inline void jr_utrans_close(UTransliterator *t) { utrans_close(t); }
static inline void jr_utrans_transUChars(const UTransliterator *t, UChar *text, int32_t *textLength,
                                         int32_t textCapacity, int32_t start, int32_t *limit, UErrorCode *status) {
    utrans_transUChars(t, text, textLength, textCapacity, start, limit, status);
}

/* Break iteration */
static inline UBreakIterator *jr_ubrk_open(UBreakIteratorType type, const char *locale,
                                           const UChar *text, int32_t length, UErrorCode *status) {
    return ubrk_open(type, locale, text, length, status);
}
static inline void jr_ubrk_close(UBreakIterator *bi) { ubrk_close(bi); }
static inline void jr_ubrk_setText(UBreakIterator *bi, const UChar *text, int32_t length, UErrorCode *status) {
    ubrk_setText(bi, text, length, status);
}
static inline int32_t jr_ubrk_first(UBreakIterator *bi) { return ubrk_first(bi); }
static inline int32_t jr_ubrk_next(UBreakIterator *bi) { return ubrk_next(bi); }
static inline int32_t jr_ubrk_getRuleStatus(UBreakIterator *bi) { return ubrk_getRuleStatus(bi); }

/* Charset detection */
static inline UCharsetDetector *jr_ucsdet_open(UErrorCode *status) { return ucsdet_open(status); }
static inline void jr_ucsdet_close(UCharsetDetector *d) { ucsdet_close(d); }
static inline void jr_ucsdet_setText(UCharsetDetector *d, const char *text, int32_t length, UErrorCode *status) {
    ucsdet_setText(d, text, length, status);
}
static inline const UCharsetMatch **jr_ucsdet_detectAll(UCharsetDetector *d, int32_t *found, UErrorCode *status) {
    return ucsdet_detectAll(d, found, status);
}
static inline const char *jr_ucsdet_getName(const UCharsetMatch *m, UErrorCode *status) { return ucsdet_getName(m, status); }
static inline int32_t jr_ucsdet_getConfidence(const UCharsetMatch *m, UErrorCode *status) { return ucsdet_getConfidence(m, status); }
static inline const char *jr_ucsdet_getLanguage(const UCharsetMatch *m, UErrorCode *status) { return ucsdet_getLanguage(m, status); }

/* Conversion */
static inline UConverter *jr_ucnv_open(const char *name, UErrorCode *status) { return ucnv_open(name, status); }
static inline void jr_ucnv_close(UConverter *c) { ucnv_close(c); }
static inline int32_t jr_ucnv_toUChars(UConverter *c, UChar *dest, int32_t capacity,
                                       const char *src, int32_t length, UErrorCode *status) {
    return ucnv_toUChars(c, dest, capacity, src, length, status);
}
static inline int32_t jr_ucnv_fromUChars(UConverter *c, char *dest, int32_t capacity,
                                         const UChar *src, int32_t length, UErrorCode *status) {
    return ucnv_fromUChars(c, dest, capacity, src, length, status);
}
static inline void jr_ucnv_reset(UConverter *c) { ucnv_reset(c); }
static inline void jr_ucnv_setFromUCallBackStop(UConverter *c, UErrorCode *status) {
    ucnv_setFromUCallBack(c, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, status);
}
static inline const char *jr_ucnv_getName(const UConverter *c, UErrorCode *status) { return ucnv_getName(c, status); }
static inline const char *jr_ucnv_getStandardName(const char *name, const char *standard, UErrorCode *status) {
    return ucnv_getStandardName(name, standard, status);
}

/* UTF-8 */
static inline UChar *jr_strFromUTF8WithSub(UChar *dest, int32_t capacity, int32_t *length,
                                           const char *src, int32_t srcLength, UChar32 sub,
                                           int32_t *numSubstitutions, UErrorCode *status) {
    return u_strFromUTF8WithSub(dest, capacity, length, src, srcLength, sub, numSubstitutions, status);
}

#endif
