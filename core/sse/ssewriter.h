#pragma once

#include "sse/ssereader.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringView>

/*
 * Encoding Server-Sent Events so that a spec-conforming reader (such as inkwell::sse::Reader)
 * gets back what was sent.
 *
 * Every field is written as "name: value" with one space, so a value that itself starts with a
 * space survives the reader's removal of one space. Line ends are LF.
 */
namespace inkwell::sse {

/**
 * @brief Encodes one event, ending with the blank line that dispatches it.
 *
 * Writes, in this order: "event: <type>" unless the type is "message" or empty; "id: <id>" when
 * the id is not empty; "retry: <ms>" when retryMs is set and not negative; then one "data:" line
 * for each line of the data, split at CRLF, LF and CR (an empty line is written "data:").
 *
 * The type and id are single-line by nature: CR and LF are removed from them, and NUL from the
 * id (a reader ignores an id containing NUL). A reader joins data lines with LF, so data gets
 * back exactly except that its CRLF and CR line ends come back as LF.
 */
QByteArray encode(const Event &event);

/**
 * @brief Encodes a comment, which a reader ignores (keep-alives, padding), followed by a blank line.
 *
 * Each line of @p text (split at CRLF, LF and CR) becomes one ": <line>" line (":" for an empty
 * line), so "keep-alive" gives ": keep-alive\n\n".
 */
QByteArray encodeComment(QStringView text);

/**
 * @brief Encodes an event of type @p type whose data is @p payload as compact JSON (one line).
 *
 * Same framing as encode(const Event &): no "event:" line for "message" or an empty type.
 */
QByteArray encode(QStringView type, const QJsonObject &payload);

} // namespace inkwell::sse
