// SPDX-License-Identifier: MIT
// Column inference for dates: the day order and pattern a column's values are written in.
#include "models/mapping/columninference_p.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace sluice::inference {

namespace {

constexpr std::array<QStringView, 12> Months {u"jan", u"feb", u"mar", u"apr", u"may", u"jun",
                                              u"jul", u"aug", u"sep", u"oct", u"nov", u"dec"};

const QString TimePart
    = QStringLiteral(R"((?:([ T])(\d{1,2}):(\d{2})(:\d{2})?(?:(\s*)([AaPp])\.?[Mm]\.?)?)?)");

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
} // namespace

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
namespace {

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
} // namespace

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

} // namespace sluice::inference
