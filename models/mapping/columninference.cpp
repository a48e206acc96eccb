// SPDX-License-Identifier: MIT
#include "models/mapping/columninference.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace sluice {

namespace {

constexpr int EvidenceCount = 3;
// A column is read as dates or numbers when at least this share of its values fit; below it a
// few stray dates in a comment column must not switch on date settings.
constexpr double FitThreshold = 0.8;

constexpr std::array<QStringView, 12> Months {u"jan", u"feb", u"mar", u"apr", u"may", u"jun",
                                              u"jul", u"aug", u"sep", u"oct", u"nov", u"dec"};
// Codes that appear before or after amounts in exports; symbols are matched anywhere at an end.
constexpr std::array<QStringView, 14> CurrencyCodes {u"EUR", u"USD", u"GBP", u"CHF", u"JPY",
                                                     u"AUD", u"CAD", u"NZD", u"SEK", u"NOK",
                                                     u"DKK", u"PLN", u"INR", u"CNY"};
constexpr std::array<QStringView, 9> CurrencySymbols {u"R$", u"US$", u"kr", u"€", u"$",
                                                      u"£",  u"¥",   u"₹",  u"zł"};

QString quoted(const QString &text)
{
    return QStringLiteral("'%1'").arg(text);
}

// Three examples: "'31/01/2025', '13/02/2025' and 4 more".
QString examples(const QStringList &values)
{
    QStringList shown;
    for (qsizetype i = 0; i < values.size() && i < EvidenceCount; ++i)
        shown << quoted(values.at(i));
    const qsizetype more = values.size() - shown.size();
    const QString list = shown.join(QStringLiteral(", "));
    return more > 0
        ? ColumnInference::tr("%1 and %n more", nullptr, static_cast<int>(more)).arg(list)
        : list;
}

// ---- dates -------------------------------------------------------------------------------

const QString TimePart
    = QStringLiteral(R"((?:([ T])(\d{1,2}):(\d{2})(:\d{2})?(?:(\s*)([AaPp])\.?[Mm]\.?)?)?)");

struct DateLook
{
    enum class Form { None, YearFirst, Numeric, MonthName, Compact };
    Form form = Form::None;
    int first = 0; // Numeric: the first and second numbers
    int second = 0;
    QString shape; // the pattern with A and B for the first two numbers: "A.B.yyyy HH:mm"
};

QString timePattern(const QRegularExpressionMatch &match, int group)
{
    if (match.captured(group).isEmpty())
        return {};
    const bool meridiem = !match.captured(group + 5).isEmpty();
    QString out = match.captured(group) == u"T" ? QStringLiteral("'T'") : QStringLiteral(" ");
    out += meridiem ? QStringLiteral("h:mm") : QStringLiteral("HH:mm");
    if (!match.captured(group + 3).isEmpty())
        out += QStringLiteral(":ss");
    if (meridiem)
        out += match.captured(group + 4).isEmpty() ? QStringLiteral("AP") : QStringLiteral(" AP");
    return out;
}

bool isMonthName(QStringView word)
{
    const QStringView start = word.left(3);
    return std::any_of(Months.begin(), Months.end(), [&](QStringView month) {
        return start.compare(month, Qt::CaseInsensitive) == 0;
    });
}

DateLook lookAtDate(const QString &text, const InferenceOptions &options)
{
    static const QRegularExpression yearFirst(
        QStringLiteral(R"(^\d{4}([-/.])\d{1,2}\1\d{1,2})") + TimePart
        + QStringLiteral(R"((?:\s*(?:Z|UTC|[+-]\d{2}:?\d{2}))?$)"));
    static const QRegularExpression numeric(
        QStringLiteral(R"(^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2}))") + TimePart
        + QStringLiteral("$"));
    static const QRegularExpression monthName(
        QStringLiteral(R"(^(\d{1,2})([- ])([A-Za-z]{3,9})\2(\d{4}|\d{2}))") + TimePart
        + QStringLiteral("$"));
    // "Jan 31, 2025": the parser reads it in any day order, so it needs no pattern.
    static const QRegularExpression monthFirst(
        QStringLiteral(R"(^([A-Za-z]{3,9})\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})") + TimePart
        + QStringLiteral("$"));
    static const QRegularExpression compact(QStringLiteral(R"(^\d{8}$)"));
    DateLook look;
    if (yearFirst.match(text).hasMatch()) {
        look.form = DateLook::Form::YearFirst;
    } else if (const auto m = numeric.match(text); m.hasMatch()) {
        look.form = DateLook::Form::Numeric;
        look.first = m.captured(1).toInt();
        look.second = m.captured(3).toInt();
        const QString sep = m.captured(2);
        look.shape = QStringLiteral("A") + sep + QStringLiteral("B") + sep
            + (m.captured(4).size() == 4 ? QStringLiteral("yyyy") : QStringLiteral("yy"))
            + timePattern(m, 5);
    } else if (const auto n = monthName.match(text); n.hasMatch()) {
        if (!isMonthName(n.capturedView(3)))
            return look;
        look.form = DateLook::Form::MonthName;
        const QString sep = n.captured(2);
        look.shape = QStringLiteral("dd") + sep
            + (n.captured(3).size() > 3 ? QStringLiteral("MMMM") : QStringLiteral("MMM")) + sep
            + (n.captured(4).size() == 4 ? QStringLiteral("yyyy") : QStringLiteral("yy"))
            + timePattern(n, 5);
    } else if (const auto f = monthFirst.match(text); f.hasMatch()) {
        if (isMonthName(f.capturedView(1)))
            look.form = DateLook::Form::MonthName;
    } else if (options.compactDates && compact.match(text).hasMatch()) {
        const int month = QStringView(text).mid(4, 2).toInt();
        const int day = QStringView(text).mid(6, 2).toInt();
        if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
            look.form = DateLook::Form::Compact;
            look.shape = QStringLiteral("yyyyMMdd");
        }
    }
    return look;
}

struct DateTally
{
    QStringList dayFirst;   // first number above 12
    QStringList monthFirst; // second number above 12
    QStringList either;     // both 12 or below, and different
    QStringList numeric;    // every numeric date
    QStringList other;      // year first, month names, compact
    QStringList spreadsheet;
    QStringList shapes; // distinct shapes seen
};

void tallyDate(DateTally &tally, const QString &text, const DateLook &look)
{
    if (!tally.shapes.contains(look.shape))
        tally.shapes << look.shape;
    if (look.form != DateLook::Form::Numeric) {
        tally.other << text;
        return;
    }
    tally.numeric << text;
    if (look.first > 12 && look.second <= 12)
        tally.dayFirst << text;
    else if (look.second > 12 && look.first <= 12)
        tally.monthFirst << text;
    else if (look.first != look.second && look.first <= 12)
        tally.either << text;
}

void decideDayOrder(const DateTally &tally, InferredFormat &out)
{
    using CI = ColumnInference;
    if (!tally.dayFirst.isEmpty() && !tally.monthFirst.isEmpty()) {
        out.ambiguous = true;
        out.evidence = tally.dayFirst.mid(0, 1) + tally.monthFirst.mid(0, 1);
        out.reason = CI::tr("the column mixes day-first and month-first dates: %1 has a day above "
                            "12 first, %2 has it second")
                         .arg(examples(tally.dayFirst), examples(tally.monthFirst));
        out.readings = {CI::tr("day first"), CI::tr("month first")};
        return;
    }
    if (!tally.dayFirst.isEmpty() || !tally.monthFirst.isEmpty()) {
        const bool dayFirst = !tally.dayFirst.isEmpty();
        const QStringList &proof = dayFirst ? tally.dayFirst : tally.monthFirst;
        out.transforms.dayOrder = dayFirst ? DayOrder::DayMonthYear : DayOrder::MonthDayYear;
        out.evidence = proof.mid(0, EvidenceCount);
        out.reason = dayFirst
            ? CI::tr("%1 have a day above 12 in the first place: day first").arg(examples(proof))
            : CI::tr("%1 have a day above 12 in the second place: month first")
                  .arg(examples(proof));
        return;
    }
    if (tally.either.isEmpty())
        return; // only dates like 05/05/2025: both orders read them the same
    out.ambiguous = true;
    out.evidence = tally.either.mid(0, EvidenceCount);
    const QString sample = tally.either.first();
    out.reason = CI::tr("every numeric date has day and month of 12 or below (%1): they could "
                        "be day first or month first; choose the day order")
                     .arg(examples(tally.either));
    out.readings = {CI::tr("day first: %1 is day/month/year").arg(quoted(sample)),
                    CI::tr("month first: %1 is month/day/year").arg(quoted(sample))};
}

// The explicit pattern of a column whose dates all share one shape, once the order is known.
void decidePattern(const DateTally &tally, InferredFormat &out)
{
    if (tally.shapes.size() != 1 || tally.shapes.first().isEmpty() || out.ambiguous)
        return;
    QString pattern = tally.shapes.first();
    if (pattern.startsWith(u'A')) {
        const DayOrder order = out.transforms.dayOrder;
        if (order == DayOrder::Unspecified)
            return;
        const bool dayFirst = order == DayOrder::DayMonthYear;
        pattern.replace(0, 1, dayFirst ? QStringLiteral("dd") : QStringLiteral("MM"));
        pattern.replace(pattern.indexOf(u'B'), 1,
                        dayFirst ? QStringLiteral("MM") : QStringLiteral("dd"));
    }
    out.transforms.datePattern = pattern;
}

InferredFormat judgeDates(const DateTally &tally)
{
    InferredFormat out;
    out.kind = InferredFormat::Kind::Date;
    decideDayOrder(tally, out);
    decidePattern(tally, out);
    if (!out.reason.isEmpty())
        return out;
    using CI = ColumnInference;
    if (tally.numeric.isEmpty() && tally.other.isEmpty()) {
        out.reason = CI::tr("all values are spreadsheet dates: no reading setting is needed");
    } else if (!out.transforms.datePattern.isEmpty()) {
        out.reason = CI::tr("%1 are dates in the pattern %2")
                         .arg(examples(tally.numeric + tally.other), out.transforms.datePattern);
    } else {
        out.reason = CI::tr("%1 are dates whose order is plain (year first or a month name)")
                         .arg(examples(tally.numeric + tally.other));
    }
    out.evidence = (tally.numeric + tally.other).mid(0, EvidenceCount);
    return out;
}

// ---- numbers ------------------------------------------------------------------------------

bool isGroupSpace(QChar c)
{
    return c == u' ' || c == QChar(0x00A0) || c == QChar(0x202F);
}

struct NumberLook
{
    bool isNumber = false;
    QChar decimal;   // known decimal separator, or null
    QChar group;     // known group separator, or null
    QChar ambiguous; // a lone '.' or ',' followed by three digits: "1,234"
    bool currency = false;
    bool percent = false;
};

NumberLook lookAtNumber(const QString &text)
{
    static const QRegularExpression shape(
        QStringLiteral(R"(^[+\-−]?(\d[\d.,' \x{a0}\x{202f}]*)?[.,]?\d+$)"));
    NumberLook look;
    QString symbol;
    QString body = ColumnInference::stripCurrency(text, &symbol);
    body = ColumnInference::stripPercent(body, &look.percent);
    look.currency = !symbol.isEmpty();
    if (!shape.match(body).hasMatch())
        return look;
    look.isNumber = true;
    QString separators;
    for (const QChar c : body) {
        if (!c.isDigit() && c != u'+' && c != u'-' && c != QChar(0x2212))
            separators += isGroupSpace(c) ? QChar(u' ') : c;
    }
    const bool spaced = separators.contains(u' ') || separators.contains(u'\'');
    const qsizetype lastMark = std::max(body.lastIndexOf(u'.'), body.lastIndexOf(u','));
    if (lastMark < 0) {
        look.group = spaced ? separators.front() : QChar();
        return look;
    }
    const QChar mark = body.at(lastMark);
    const QChar otherMark = mark == u'.' ? u',' : u'.';
    if (spaced || separators.contains(otherMark)) {
        look.decimal = mark; // the last of two kinds of separator is the decimal one
        look.group = spaced ? (separators.contains(u' ') ? QChar(u' ') : QChar(u'\'')) : otherMark;
    } else if (separators.count(mark) > 1) {
        look.group = mark;
    } else {
        const qsizetype before = lastMark - (body.front().isDigit() ? 0 : 1);
        const bool threeAfter = body.size() - lastMark - 1 == 3;
        const bool couldGroup = before >= 1 && before <= 3 && body.front() != u'0';
        if (threeAfter && couldGroup)
            look.ambiguous = mark;
        else
            look.decimal = mark;
    }
    return look;
}

struct NumberTally
{
    QHash<QChar, QStringList> decimals;
    QHash<QChar, QStringList> groups;
    QHash<QChar, QStringList> ambiguous;
    QStringList currency;
    QStringList percent;
    QStringList text;        // number-like text values
    QStringList spreadsheet; // real number cells
};

void tallyNumber(NumberTally &tally, const QString &text, const NumberLook &look)
{
    tally.text << text;
    if (!look.decimal.isNull())
        tally.decimals[look.decimal] << text;
    if (!look.group.isNull())
        tally.groups[look.group] << text;
    if (!look.ambiguous.isNull())
        tally.ambiguous[look.ambiguous] << text;
    if (look.currency)
        tally.currency << text;
    if (look.percent)
        tally.percent << text;
}

// The decimal separator the values agree on, or a reason they do not.
QChar decideDecimal(const NumberTally &tally, InferredFormat &out)
{
    using CI = ColumnInference;
    const QStringList point = tally.decimals.value(u'.') + tally.groups.value(u',');
    const QStringList comma = tally.decimals.value(u',') + tally.groups.value(u'.');
    if (!point.isEmpty() && !comma.isEmpty()) {
        out.ambiguous = true;
        out.evidence = point.mid(0, 1) + comma.mid(0, 1);
        out.reason = CI::tr("the column mixes number styles: %1 use a decimal point, %2 a decimal "
                            "comma")
                         .arg(examples(point), examples(comma));
        out.readings = {CI::tr("decimal point"), CI::tr("decimal comma")};
        return {};
    }
    if (!point.isEmpty() || !comma.isEmpty())
        return point.isEmpty() ? u',' : u'.';
    const QStringList lone = tally.ambiguous.value(u',') + tally.ambiguous.value(u'.');
    if (lone.isEmpty())
        return {};
    const QString sample = lone.first();
    out.ambiguous = true;
    out.evidence = lone.mid(0, EvidenceCount);
    const QChar mark = sample.contains(u',') ? u',' : u'.';
    QString asGroup = sample;
    QString asDecimal = sample;
    asGroup.remove(mark);
    asDecimal.replace(mark, u'.');
    out.reason = CI::tr("%1 could be read two ways: with '%2' grouping thousands, or as the "
                        "decimal separator; choose the number format")
                     .arg(examples(lone))
                     .arg(mark);
    out.readings
        = {CI::tr("%1 is %2 ('%3' groups thousands)").arg(quoted(sample), asGroup).arg(mark),
           CI::tr("%1 is %2 ('%3' is the decimal separator)")
               .arg(quoted(sample), ColumnInference::stripCurrency(asDecimal))
               .arg(mark)};
    return {};
}

void describeNumbers(const NumberTally &tally, InferredFormat &out, QChar decimal)
{
    using CI = ColumnInference;
    QStringList parts;
    const QChar group = out.transforms.number.groupSeparator;
    QStringList proof = tally.decimals.value(decimal) + tally.groups.value(group);
    proof.removeDuplicates();
    if (!decimal.isNull() && !tally.decimals.value(decimal).isEmpty()) {
        parts << (decimal == u',' ? CI::tr("%1 use a decimal comma").arg(examples(proof))
                                  : CI::tr("%1 use a decimal point").arg(examples(proof)));
        out.evidence = proof.mid(0, EvidenceCount);
    } else if (!tally.groups.isEmpty()) {
        parts << CI::tr("%1 group thousands with %2")
                     .arg(examples(proof), isGroupSpace(group) ? CI::tr("spaces") : quoted(group));
        out.evidence = proof.mid(0, EvidenceCount);
    } else if (!tally.text.isEmpty()) {
        parts << CI::tr("%1 are plain numbers").arg(examples(tally.text));
        out.evidence = tally.text.mid(0, EvidenceCount);
    } else {
        parts << CI::tr("all values are spreadsheet numbers: no reading setting is needed");
    }
    if (out.transforms.stripCurrency)
        parts << CI::tr("%1 carry a currency, which is removed").arg(examples(tally.currency));
    if (out.transforms.percent)
        parts << CI::tr("%1 are percentages, divided by 100").arg(examples(tally.percent));
    out.reason = parts.join(QStringLiteral("; "));
}

InferredFormat judgeNumbers(const NumberTally &tally)
{
    InferredFormat out;
    out.kind = InferredFormat::Kind::Number;
    out.transforms.stripCurrency = !tally.currency.isEmpty();
    // Percent only when the signs are the rule: "12 %" beside "0.5" would otherwise be unclear.
    out.transforms.percent = !tally.percent.isEmpty() && tally.percent.size() == tally.text.size();
    const QChar decimal = decideDecimal(tally, out);
    if (out.ambiguous)
        return out;
    QChar group;
    for (auto it = tally.groups.cbegin(); it != tally.groups.cend(); ++it) {
        if (it.key() != decimal)
            group = it.key();
    }
    if (group.isNull())
        group = decimal == u',' ? u'.' : u','; // the usual partner of the decimal separator
    out.transforms.number
        = {decimal.isNull() ? (group == u'.' || group == u' ' ? u',' : u'.') : decimal, group};
    describeNumbers(tally, out, decimal);
    return out;
}

} // namespace

QString ColumnInference::stripCurrency(QStringView text, QString *symbol)
{
    QStringView body = text.trimmed();
    QString sign;
    if (!body.isEmpty() && (body.front() == u'-' || body.front() == QChar(0x2212))) {
        sign = QStringLiteral("-");
        body = body.mid(1).trimmed();
    }
    // A code must stand apart from letters: "EURO" holds no "EUR".
    const auto letterAt = [&](qsizetype pos) {
        return pos >= 0 && pos < body.size() && body[pos].isLetter();
    };
    const auto strip = [&](QStringView unit) {
        if (body.startsWith(unit) && !letterAt(unit.size())) {
            body = body.mid(unit.size()).trimmed();
        } else if (body.endsWith(unit) && !letterAt(body.size() - unit.size() - 1)) {
            body = body.chopped(unit.size()).trimmed();
        } else {
            return false;
        }
        if (symbol)
            *symbol = unit.toString();
        return true;
    };
    const bool found = std::any_of(CurrencySymbols.begin(), CurrencySymbols.end(), strip)
        || std::any_of(CurrencyCodes.begin(), CurrencyCodes.end(), strip);
    if (!found)
        return text.trimmed().toString();
    // "$-12" carries its sign after the symbol.
    return sign + body.toString();
}

QString ColumnInference::stripPercent(QStringView text, bool *found)
{
    QStringView body = text.trimmed();
    const bool percent = body.endsWith(u'%');
    if (percent)
        body = body.chopped(1).trimmed();
    if (found)
        *found = percent;
    return body.toString();
}

InferredFormat ColumnInference::infer(const QList<SourceCell> &cells,
                                      const InferenceOptions &options)
{
    DateTally dates;
    NumberTally numbers;
    QStringList misfits;
    qsizetype nonEmpty = 0;
    for (const SourceCell &cell : cells) {
        const QString text = cell.text.trimmed();
        if (cell.kind == CellKind::Empty || text.isEmpty())
            continue;
        ++nonEmpty;
        if (cell.kind == CellKind::DateTime) {
            dates.spreadsheet << text;
        } else if (cell.kind == CellKind::Number) {
            numbers.spreadsheet << text;
        } else if (const DateLook look = lookAtDate(text, options);
                   look.form != DateLook::Form::None) {
            tallyDate(dates, text, look);
        } else if (const NumberLook number = lookAtNumber(text); number.isNumber) {
            tallyNumber(numbers, text, number);
        } else {
            misfits << text;
        }
    }
    InferredFormat out;
    if (nonEmpty == 0) {
        out.reason = tr("the column has no values to infer a format from");
        return out;
    }
    const qsizetype dateCount
        = dates.spreadsheet.size() + dates.numeric.size() + dates.other.size();
    const qsizetype numberCount = numbers.spreadsheet.size() + numbers.text.size();
    const qsizetype fitting = std::max(dateCount, numberCount);
    const double share = static_cast<double>(fitting) / static_cast<double>(nonEmpty);
    if (share < FitThreshold) {
        out.kind = InferredFormat::Kind::Text;
        out.reason = tr("only %1 of %2 values are dates or numbers; %3 are not: no format is "
                        "inferred")
                         .arg(fitting)
                         .arg(nonEmpty)
                         .arg(examples(misfits));
        out.evidence = misfits.mid(0, EvidenceCount);
        return out;
    }
    out = dateCount >= numberCount ? judgeDates(dates) : judgeNumbers(numbers);
    out.confidence = share * (out.ambiguous ? 0.5 : 1.0);
    const QStringList strays = misfits
        + (dateCount >= numberCount ? numbers.text + numbers.spreadsheet
                                    : dates.numeric + dates.other + dates.spreadsheet);
    if (!strays.isEmpty()) {
        out.reason += tr("; %1 of %2 values do not fit: %3")
                          .arg(strays.size())
                          .arg(nonEmpty)
                          .arg(examples(strays));
    }
    return out;
}

} // namespace sluice
