// SPDX-License-Identifier: MIT
#pragma once

#include "models/common/result.h"
#include "models/mapping/valueformats.h"
#include "models/schema/attributetype.h"
#include "models/validation/apivalue.h"

#include <QCoreApplication>
#include <QStringView>
#include <QTimeZone>

namespace sluice {

struct ParseOptions
{
    NumberSeparators number;
    DayOrder dayOrder = DayOrder::Unspecified;
    DateSystem dateSystem = DateSystem::Excel1900;
    // The cell is a spreadsheet number (not text): a date or timestamp attribute reads it as an
    // Excel serial day count. Off for text, where "20250131" or "2024" must not become a date.
    bool cellIsSerialNumber = false;
    TimestampForm timestampForm = TimestampForm::Api;
    // Text dates and timestamps in exactly this pattern ("dd.MM.yyyy HH:mm"); empty: any of the
    // forms the parser recognises. d, dd, M, MM, H, HH, h, hh, m, mm, s, ss take one or two
    // digits; yy and yyyy exactly two and four; MMM and MMMM an English month name; AP or ap
    // AM/PM; 'quoted' text and other characters literally (a space matches any run of spaces).
    QString datePattern;
    // Timestamps written without an offset are wall-clock times in this IANA zone
    // ("Europe/Berlin") and are converted to UTC; empty: they are sent as written.
    QString timeZone;
    int numericPrecision = 38; // total significant digits a numeric may carry
    int numericScale = 37;     // digits after the decimal point a numeric may carry
};

// Why a cell is not a valid value; the kinds line up with the API's row error categories.
struct ValueError
{
    enum class Kind {
        Type,   // not a value of the type at all: "12abc" for an integer (DI_E_10002 TYPE)
        Format, // looks like a date/timestamp but is not a valid one (DI_E_10003 FORMAT)
        Range,  // a value of the type, but out of its range: 64-bit overflow, hour 25
        Length, // a string over the API's 65,535 UTF-8 bytes
    };
    Kind kind;
    QString reason; // one sentence a person can act on, naming the offending part
};

// Parses one spreadsheet cell into the canonical value of an API type. Pure and thread-safe:
// validation runs it on worker threads. Never consults the machine's time zone or locale.
class ValueParser
{
    Q_DECLARE_TR_FUNCTIONS(ValueParser)

public:
    static constexpr int MaxStringBytes = 65535;

    explicit ValueParser(ParseOptions options = {});

    const ParseOptions &options() const { return m_options; }

    // An empty or white-space-only cell is ApiValue::null() for every type.
    Result<ApiValue, ValueError> parse(AttributeType type, QStringView cell) const;
    // The same; a string value shares cell's text instead of copying it.
    Result<ApiValue, ValueError> parse(AttributeType type, const QString &cell) const;

private:
    ParseOptions m_options;
    QTimeZone m_timeZone; // options.timeZone, looked up once rather than per cell
};

} // namespace sluice
