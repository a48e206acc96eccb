// SPDX-License-Identifier: MIT
#include <QTest>

class TestValueParser : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestValueParser)
#include "tst_valueparser.moc"
