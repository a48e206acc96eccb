// SPDX-License-Identifier: MIT
// Column inference for numbers: the decimal and group separators, currency and percent signs.
#include "models/mapping/columninference_p.h"

#include <QRegularExpression>

#include <algorithm>

namespace sluice::inference {

namespace {

bool isGroupSpace(QChar c)
{
    return c == u' ' || c == QChar(0x00A0) || c == QChar(0x202F);
}
} // namespace

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
namespace {

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
} // namespace

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

} // namespace sluice::inference
