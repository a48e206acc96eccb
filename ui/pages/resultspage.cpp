// SPDX-License-Identifier: MIT
#include "ui/pages/resultspage.h"

#include "models/itemmodels/runhistorymodel.h"
#include "models/session/importsession.h"
#include "models/upload/uploadresults.h"
#include "ui/prompter.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace sluice {

namespace {

QLabel *selectableLabel(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

QPushButton *button(QWidget *parent, const QString &text, const char *name,
                    const QString &accessibleName)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(QString::fromLatin1(name));
    button->setAccessibleName(accessibleName);
    return button;
}

QString localTime(const QString &isoUtc)
{
    const QDateTime when = QDateTime::fromString(isoUtc, Qt::ISODateWithMs).toLocalTime();
    if (!when.isValid())
        return QString();
    return QLocale().toString(when.date(), QLocale::ShortFormat) + u' '
        + when.time().toString(QStringLiteral("HH:mm:ss"));
}

QString duration(const QString &startedUtc, const QString &finishedUtc)
{
    const QDateTime started = QDateTime::fromString(startedUtc, Qt::ISODateWithMs);
    const QDateTime finished = QDateTime::fromString(finishedUtc, Qt::ISODateWithMs);
    if (!started.isValid() || !finished.isValid())
        return QString();
    const qint64 ms = started.msecsTo(finished);
    if (ms < 60 * 1000)
        return ResultsPage::tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
    return ResultsPage::tr("%1 min %2 s").arg(ms / 60000).arg((ms / 1000) % 60);
}

QString hostOf(const QString &url)
{
    const QUrl parsed(url);
    return parsed.port() == -1 ? parsed.host()
                               : QStringLiteral("%1:%2").arg(parsed.host()).arg(parsed.port());
}

} // namespace

ResultsPage::ResultsPage(ImportSession &session, Prompter &prompter, QWidget *parent)
    : StepPage(parent)
    , m_session(session)
    , m_prompter(prompter)
    , m_historyModel(new RunHistoryModel(this))
    , m_historyProxy(new QSortFilterProxyModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createSummary());
    layout->addWidget(createHistory(), 1);

    connect(m_saveResults, &QPushButton::clicked, this, [this] { saveResults(Export::AllRows); });
    connect(m_saveFailed, &QPushButton::clicked, this, [this] { saveResults(Export::FailedRows); });
    connect(&m_session, &ImportSession::resultsSaved, this, &ResultsPage::resultsSaved);
    connect(m_openFolder, &QPushButton::clicked, this, &ResultsPage::openJournalFolder);
    connect(m_history->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ResultsPage::showSelectedJournal);
    const auto inputChanged = [this] {
        m_inputChanged = true;
        showSummary();
    };
    connect(&m_session, &ImportSession::loaded, this, inputChanged);
    connect(&m_session, &ImportSession::layoutChanged, this, inputChanged);
    connect(&m_session, &ImportSession::mappingChanged, this, inputChanged);
    connect(&m_session, &ImportSession::uploadFinished, this, [this] {
        m_inputChanged = false;
        m_status->clear();
        refresh();
    });
    refresh();
}

ResultsPage::~ResultsPage() = default;

QWidget *ResultsPage::createSummary()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary = selectableLabel(box, "resultsSummary");
    QFont big = m_summary->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_summary->setFont(big);
    m_summary->setAccessibleName(tr("Summary of the last upload"));
    m_details = selectableLabel(box, "resultsDetails");
    m_details->setTextFormat(Qt::RichText);
    m_details->setAccessibleName(tr("Details of the last upload"));
    // Without word wrap the labels ask for their real height: a wrapped rich-text label in a
    // nested layout was squeezed to one line beside the stretching history table.
    m_summary->setWordWrap(false);
    m_details->setWordWrap(false);
    box->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    layout->addWidget(m_summary);
    layout->addWidget(m_details);

    m_saveResults = button(box, tr("&Save results…"), "resultsSaveResultsButton",
                           tr("Save every row with its outcome"));
    m_saveResults->setToolTip(tr("Every row of the sheet with its status and errors, row for "
                                 "row as in your file (Excel workbook or CSV)."));
    m_saveFailed = button(box, tr("Save &failed rows…"), "resultsSaveFailedButton",
                          tr("Save the rows that were not accepted"));
    m_saveFailed->setToolTip(tr("Only the rows that were not accepted, with why: fix them and "
                                "import the file again."));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_saveResults);
    buttons->addWidget(m_saveFailed);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_status = selectableLabel(box, "resultsStatus");
    m_status->setAccessibleName(tr("Export status"));
    layout->addWidget(m_status);

    auto *journalCaption = new QLabel(tr("Run &journal:"), box);
    m_journal = selectableLabel(box, "resultsJournalPath");
    m_journal->setWordWrap(false); // a path broken over lines is hard to copy
    m_journal->setAccessibleName(tr("Run journal"));
    journalCaption->setBuddy(m_journal);
    m_openFolder = button(box, tr("&Open folder"), "resultsOpenFolderButton",
                          tr("Open the folder of the run journal"));
    auto *journalRow = new QHBoxLayout;
    journalRow->addWidget(journalCaption);
    journalRow->addWidget(m_journal, 1);
    journalRow->addWidget(m_openFolder);
    layout->addLayout(journalRow);
    return box;
}

QWidget *ResultsPage::createHistory()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *caption = new QLabel(tr("Run &history"), box);
    QFont bold = caption->font();
    bold.setBold(true);
    caption->setFont(bold);
    m_historyProxy->setSourceModel(m_historyModel);
    m_historyProxy->setSortRole(RunHistoryModel::SortRole);
    m_history = new QTableView(box);
    m_history->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    m_history->setObjectName(QStringLiteral("resultsHistoryTable"));
    m_history->setAccessibleName(tr("Run history"));
    m_history->setModel(m_historyProxy);
    m_history->setSortingEnabled(true);
    m_history->sortByColumn(RunHistoryModel::StartedColumn, Qt::DescendingOrder);
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->setSelectionMode(QAbstractItemView::SingleSelection);
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setAlternatingRowColors(true);
    m_history->verticalHeader()->hide();
    m_history->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->horizontalHeader()->setStretchLastSection(true);
    caption->setBuddy(m_history);
    layout->addWidget(caption);
    layout->addWidget(m_history, 1);
    return box;
}

void ResultsPage::enter()
{
    refresh();
}

void ResultsPage::refresh()
{
    showSummary();
    showDetails();
    reloadHistory();
}

void ResultsPage::showSummary()
{
    UploadRun *run = m_session.upload();
    if (!run) {
        m_summary->setText(tr("No upload yet in this session"));
    } else if (run->uploader().state() != BatchUploader::State::Finished) {
        m_summary->setText(tr("The upload is still running…"));
    } else {
        const RowOutcomes &outcomes = run->outcomes();
        // Plurals spelled out: without a loaded English translation, tr()'s %n gives "row(s)".
        const qsizetype accepted = outcomes.count(RowOutcome::Accepted);
        QString text = (accepted == 1 ? tr("1 row accepted") : tr("%1 rows accepted").arg(accepted))
            + tr(" · %1 rejected · %2 uncertain · %3 left out with errors")
                  .arg(outcomes.count(RowOutcome::Rejected))
                  .arg(outcomes.count(RowOutcome::Uncertain))
                  .arg(outcomes.count(RowOutcome::Skipped));
        if (const qsizetype notSent = outcomes.count(RowOutcome::NotSent))
            text += tr(" · %1 not sent").arg(notSent);
        m_summary->setText(text);
    }
    const bool exportable = canExport();
    m_saveResults->setEnabled(exportable);
    m_saveFailed->setEnabled(
        exportable && run->outcomes().count(RowOutcome::Accepted) < run->outcomes().rowCount());
    if (run && !exportable && m_inputChanged)
        m_status->setText(tr("The file or its mapping changed after this upload, so its results "
                             "can no longer be saved beside its rows."));
}

void ResultsPage::showDetails()
{
    UploadRun *run = m_session.upload();
    if (!run || run->uploader().state() != BatchUploader::State::Finished) {
        m_details->clear();
        m_details->hide();
        return;
    }
    const QJsonObject report = run->report().toJson();
    const QJsonObject file = report.value(u"file").toObject();
    const QJsonObject target = report.value(u"target").toObject();
    const QString started = report.value(u"started").toString();
    const QString finished = report.value(u"finished").toString();
    const bool dryRun = target.value(u"dryRun").toBool();
    QString outcome = RunHistoryModel::outcomeText(report.value(u"stopReason").toString());
    if (run->gaveUp())
        outcome += tr("; some batches failed after every retry");
    if (!run->journalError().isEmpty())
        outcome += QStringLiteral("; ") + run->journalError();
    const QList<std::pair<QString, QString>> rows {
        {tr("File"), QDir::toNativeSeparators(file.value(u"path").toString())},
        {tr("Sheet"), file.value(u"sheet").toString()},
        {tr("Target host"), hostOf(target.value(u"url").toString())},
        {tr("Table"), target.value(u"table").toString()},
        {tr("Operation"), target.value(u"operationType").toString()},
        {tr("Dry run"), dryRun ? tr("yes: the server checked the rows and stored none") : tr("no")},
        {tr("Started"), localTime(started)},
        {tr("Finished"), localTime(finished)},
        {tr("Duration"), duration(started, finished)},
        {tr("Outcome"), outcome},
        {tr("Run id"), report.value(u"runId").toString()},
    };
    QString html = QStringLiteral("<table cellspacing=\"2\">");
    for (const auto &[name, value] : rows) {
        html += QStringLiteral("<tr><td>%1:</td><td>&nbsp;%2</td></tr>")
                    .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    }
    m_details->setText(html + QStringLiteral("</table>"));
    m_details->show();
}

void ResultsPage::reloadHistory()
{
    m_historyModel->reload(m_session.runHistory());
    UploadRun *run = m_session.upload();
    m_journalPath = run ? run->journal().path() : QString();
    // The last run of this session is selected, so its journal is the one shown.
    for (int row = 0; run && row < m_historyProxy->rowCount(); ++row) {
        const QModelIndex index = m_historyProxy->index(row, 0);
        if (index.data(RunHistoryModel::JournalPathRole).toString() == m_journalPath) {
            m_history->selectRow(row);
            break;
        }
    }
    showSelectedJournal();
}

void ResultsPage::showSelectedJournal()
{
    const QModelIndexList selected = m_history->selectionModel()->selectedRows();
    if (!selected.isEmpty())
        m_journalPath = selected.first().data(RunHistoryModel::JournalPathRole).toString();
    m_journal->setText(m_journalPath.isEmpty() ? tr("None yet")
                                               : QDir::toNativeSeparators(m_journalPath));
    m_journal->setToolTip(m_journal->text()); // the whole path, should the window be narrow
    m_openFolder->setEnabled(!m_journalPath.isEmpty());
}

bool ResultsPage::canExport() const
{
    UploadRun *run = m_session.upload();
    return run && !m_inputChanged && !m_session.isSavingResults()
        && run->uploader().state() == BatchUploader::State::Finished && m_session.rows()
        && m_session.resource() && m_session.rows()->rowCount() == run->outcomes().rowCount();
}

QString ResultsPage::suggestedPath(Export which) const
{
    const QFileInfo input(m_session.filePath());
    const QString suffix = input.suffix().compare(u"csv", Qt::CaseInsensitive) == 0
        ? QStringLiteral("csv")
        : QStringLiteral("xlsx");
    const QString name = which == Export::AllRows ? tr("%1-results.%2") : tr("%1-failed.%2");
    return input.dir().filePath(name.arg(input.completeBaseName(), suffix));
}

void ResultsPage::saveResults(Export which)
{
    if (!canExport())
        return;
    const QString title = which == Export::AllRows ? tr("Save results") : tr("Save failed rows");
    QString path = m_prompter.fileToSave(this, title, tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
                                         suggestedPath(which));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".xlsx");
    const auto file = which == Export::AllRows ? ImportSession::ResultsFile::AllRows
                                               : ImportSession::ResultsFile::FailedRows;
    if (!m_session.saveResults(path, file)) {
        m_status->setText(tr("⚠ Not saved: the results are being saved already"));
        return;
    }
    // Written on a worker: a million rows take seconds, and the window stays usable meanwhile.
    m_status->setText(tr("Saving to %1…").arg(QDir::toNativeSeparators(path)));
    refresh();
}

void ResultsPage::resultsSaved(const QString &path, const QString &error, qsizetype rows)
{
    refresh();
    if (!error.isEmpty()) {
        m_status->setText(tr("⚠ Not saved: %1").arg(error));
        return;
    }
    const QString where = QDir::toNativeSeparators(path);
    const QString message = rows == 1 ? tr("Saved 1 row to %1").arg(where)
                                      : tr("Saved %1 rows to %2").arg(QString::number(rows), where);
    m_status->setText(QStringLiteral("✓ ") + message);
    Q_EMIT statusMessage(message);
}

void ResultsPage::openJournalFolder()
{
    if (!m_journalPath.isEmpty())
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_journalPath).absolutePath()));
}

} // namespace sluice
