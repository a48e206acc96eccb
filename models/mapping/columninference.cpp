// SPDX-License-Identifier: MIT
#include "models/mapping/columninference_p.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace sluice {

namespace {

// A column is read as dates or numbers when at least this share of its values fit; below it a
// few stray dates in a comment column must not switch on date settings.
constexpr double FitThreshold = 0.8;
// Codes that appear before or after amounts in exports; symbols are matched anywhere at an end.
constexpr std::array<QStringView, 14> CurrencyCodes {u"EUR", u"USD", u"GBP", u"CHF", u"JPY",
                                                     u"AUD", u"CAD", u"NZD", u"SEK", u"NOK",
                                                     u"DKK", u"PLN", u"INR", u"CNY"};
constexpr std::array<QStringView, 9> CurrencySymbols {u"R$", u"US$", u"kr", u"€", u"$",
                                                      u"£",  u"¥",   u"₹",  u"zł"};

} // namespace

namespace inference {

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

} // namespace inference

using namespace inference;

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
