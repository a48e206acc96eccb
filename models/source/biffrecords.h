// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QtEndian>

#include <cstring>

// What the two readers of legacy Excel files share: BIFF record types ([MS-XLS] 2.3) and
// little-endian field readers. Callers check bounds before reading.
namespace sluice::biff {

// BIFF2 (Excel 2.x) worksheets: cell records with 3-byte cell attributes, 8-bit text
// (OpenOffice.org's "Excel File Format" documentation, 5.x).
constexpr quint16 RecDimension2 = 0x0000;
constexpr quint16 RecInteger2 = 0x0002;
constexpr quint16 RecNumber2 = 0x0003;
constexpr quint16 RecLabel2 = 0x0004;
constexpr quint16 RecBoolErr2 = 0x0005;
constexpr quint16 RecString2 = 0x0007;
constexpr quint16 RecBof2 = 0x0009;
constexpr quint16 RecFormat2 = 0x001E;

constexpr quint16 RecFormula = 0x0006;
constexpr quint16 RecEof = 0x000A;
constexpr quint16 RecDateMode = 0x0022;
constexpr quint16 RecFilePass = 0x002F;
constexpr quint16 RecContinue = 0x003C;
constexpr quint16 RecCodePage = 0x0042;
constexpr quint16 RecBoundSheet = 0x0085;
constexpr quint16 RecMulRk = 0x00BD;
constexpr quint16 RecRString = 0x00D6;
constexpr quint16 RecXf = 0x00E0;
constexpr quint16 RecSst = 0x00FC;
constexpr quint16 RecLabelSst = 0x00FD;
constexpr quint16 RecDimension = 0x0200;
constexpr quint16 RecNumber = 0x0203;
constexpr quint16 RecLabel = 0x0204;
constexpr quint16 RecBoolErr = 0x0205;
constexpr quint16 RecString = 0x0207;
constexpr quint16 RecRk = 0x027E;
constexpr quint16 RecFormat = 0x041E;
constexpr quint16 RecBof = 0x0809;

inline quint16 u16(QByteArrayView data, qsizetype at)
{
    return qFromLittleEndian<quint16>(data.data() + at);
}

inline quint32 u32(QByteArrayView data, qsizetype at)
{
    return qFromLittleEndian<quint32>(data.data() + at);
}

inline double f64(QByteArrayView data, qsizetype at)
{
    const quint64 bits = qFromLittleEndian<quint64>(data.data() + at);
    double value = 0;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

} // namespace sluice::biff
