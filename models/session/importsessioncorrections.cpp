// SPDX-License-Identifier: MIT
// ImportSession's corrections: cell edits, bulk fixes, excluded rows, and the re-checks they
// start. The commands (models/commands) call the apply… functions; the intents build commands.
#include "models/commands/changemappingcommand.h"
#include "models/commands/editcellscommand.h"
#include "models/commands/excluderowscommand.h"
#include "models/session/importsession.h"

#include <QThread>
#include <QUndoStack>

#include <algorithm>
#include <thread>

namespace sluice {

namespace {

// Re-checking this many rows takes a few milliseconds: done at once, so the grid shows the
// result with the edit. More go to workers (a replace over a column, a bulk fix's undo).
constexpr qsizetype SyncRecheckRows = 2000;

bool sameCell(const NormalisedCell &a, const NormalisedCell &b)
{
    if (a.error.has_value() != b.error.has_value())
        return false;
    if (a.error)
        return a.error->reason == b.error->reason && a.source == b.source;
    return a.value == b.value && a.source == b.source;
}

// The data rows where one of attributes normalises differently in before and after, on all
// cores; empty when cancelled.
std::vector<qsizetype> rowsThatDiffer(const MappedRowSource &before, const MappedRowSource &after,
                                      const std::vector<int> &attributes,
                                      const std::atomic_bool *cancel)
{
    const qsizetype count = after.rowCount();
    const int threads = count > 4096 ? std::max(1, QThread::idealThreadCount()) : 1;
    std::vector<std::vector<qsizetype>> parts(static_cast<size_t>(threads));
    const qsizetype perThread = (count + threads - 1) / threads;
    const auto scan = [&](int part) {
        NormalisedCell old;
        NormalisedCell now;
        const qsizetype end = std::min(count, (part + 1) * perThread);
        for (qsizetype row = part * perThread; row < end; ++row) {
            if ((row & 4095) == 0 && cancel && cancel->load(std::memory_order_relaxed))
                return;
            for (const int attribute : attributes) {
                before.normaliseAttribute(row, attribute, old);
                after.normaliseAttribute(row, attribute, now);
                if (!sameCell(old, now)) {
                    parts[size_t(part)].push_back(row);
                    break;
                }
            }
        }
    };
    std::vector<std::thread> workers;
    for (int part = 1; part < threads; ++part)
        workers.emplace_back(scan, part);
    scan(0);
    for (std::thread &worker : workers)
        worker.join();
    std::vector<qsizetype> rows;
    for (const std::vector<qsizetype> &part : parts)
        rows.insert(rows.end(), part.begin(), part.end());
    return rows;
}

// The attributes whose values a new mapping may change, when it reads the same columns in the
// same way otherwise; nullopt when the rows must be built and checked anew.
std::optional<std::vector<int>> changedTransforms(const Resource &resource, const Mapping &before,
                                                  const Mapping &after)
{
    if (before.resourceId != after.resourceId)
        return std::nullopt;
    std::vector<int> changed;
    for (int i = 0; i < resource.attributes.size(); ++i) {
        const QString &name = resource.attributes.at(i).name;
        const AttributeMapping *old = before.find(name);
        const AttributeMapping *now = after.find(name);
        if (!old || !now)
            return std::nullopt;
        if (old->source != now->source || old->columns != now->columns
            || old->separator != now->separator || old->constant != now->constant)
            return std::nullopt;
        if (old->transforms != now->transforms || old->defaultValue != now->defaultValue)
            changed.push_back(i);
    }
    return changed;
}

} // namespace

bool ImportSession::isBusy() const
{
    const bool uploading
        = m_upload && m_upload->uploader().state() != BatchUploader::State::Finished;
    return uploading || m_validation || isLoading() || m_savingResults;
}

bool ImportSession::canCorrect() const
{
    return m_rows && m_validator && !isBusy();
}

void ImportSession::resetCorrections(bool keepCellEdits)
{
    m_undoStack->clear();
    m_rememberedChecks.clear();
    if (!keepCellEdits) {
        // A fresh object: a job winding down keeps reading the old one.
        m_corrections = std::make_shared<SheetCorrections>();
        Q_EMIT correctionsChanged();
    }
}

std::vector<CellText> ImportSession::currentTexts(const std::vector<CellText> &cells) const
{
    std::vector<CellText> texts;
    texts.reserve(cells.size());
    for (const CellText &cell : cells) {
        const QString *edited = m_corrections->editedText(cell.tableRow, cell.column);
        texts.push_back(
            {cell.tableRow, cell.column, edited ? std::optional<QString>(*edited) : std::nullopt});
    }
    return texts;
}

bool ImportSession::changeCells(const std::vector<CellChange> &cells, const QString &description,
                                bool typed)
{
    if (!canCorrect())
        return false;
    std::vector<CellText> after;
    QSet<quint64> seen;
    // The last change of a cell wins; walked backwards so that it is the one kept.
    for (auto cell = cells.rbegin(); cell != cells.rend(); ++cell) {
        if (cell->row < 0 || cell->row >= m_rows->rowCount())
            continue;
        const int column = m_rows->sourceColumn(cell->attribute);
        if (column < 0)
            continue;
        const qsizetype tableRow = m_rows->tableRow(cell->row);
        const quint64 key = (quint64(tableRow) << 20) | quint64(column);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        std::optional<QString> text = cell->text;
        // Typed back to the file's own text: no correction at all (and none on the Changes page).
        if (text && *text == m_table->text(tableRow, column))
            text.reset();
        after.push_back({tableRow, column, std::move(text)});
    }
    std::vector<CellText> before = currentTexts(after);
    for (size_t i = after.size(); i-- > 0;) {
        if (before[i] == after[i]) {
            before.erase(before.begin() + qsizetype(i));
            after.erase(after.begin() + qsizetype(i));
        }
    }
    if (after.empty())
        return false;
    m_undoStack->push(
        new EditCellsCommand(*this, std::move(before), std::move(after), description, typed));
    return true;
}

bool ImportSession::editCell(qsizetype row, int attribute, const QString &text)
{
    if (!m_resource || attribute < 0 || attribute >= m_resource->attributes.size() || !m_rows
        || row < 0 || row >= m_rows->rowCount())
        return false;
    return changeCells({{row, attribute, text}},
                       tr("Edit %1 on row %2")
                           .arg(m_resource->attributes.at(attribute).name)
                           .arg(m_rows->sheetRow(row)),
                       true);
}

bool ImportSession::revertRows(const std::vector<qsizetype> &rows)
{
    if (!m_rows || !m_resource)
        return false;
    std::vector<CellChange> cells;
    for (const qsizetype row : rows) {
        if (row < 0 || row >= m_rows->rowCount())
            continue;
        for (int attribute = 0; attribute < m_resource->attributes.size(); ++attribute) {
            if (m_rows->isEdited(row, attribute))
                cells.push_back({row, attribute, std::nullopt});
        }
    }
    const QString description = rows.size() == 1
        ? tr("Revert row %1")
              .arg(rows.front() >= 0 && rows.front() < m_rows->rowCount()
                       ? m_rows->sheetRow(rows.front())
                       : 0)
        : tr("Revert %1 rows").arg(rows.size());
    return changeCells(cells, description);
}

bool ImportSession::revertAttribute(int attribute)
{
    if (!m_rows || !m_resource)
        return false;
    const int column = m_rows->sourceColumn(attribute);
    if (column < 0 || !m_corrections->columnHasEdits(column))
        return false;
    std::vector<CellChange> cells;
    for (const SheetCorrections::CellEdit &edit : m_corrections->edits()) {
        const qsizetype row = edit.column == column ? m_rows->dataRow(edit.tableRow) : -1;
        if (row >= 0)
            cells.push_back({row, attribute, std::nullopt});
    }
    return changeCells(cells, tr("Revert %1").arg(m_resource->attributes.at(attribute).name));
}

bool ImportSession::changeMapping(const Mapping &mapping, const QString &description)
{
    if (!canCorrect() || mapping.resourceId != m_resource->id || mapping == this->mapping())
        return false;
    m_undoStack->push(new ChangeMappingCommand(*this, this->mapping(), mapping, description));
    return true;
}

bool ImportSession::setRowsExcluded(const std::vector<qsizetype> &rows, bool excluded)
{
    if (!canCorrect())
        return false;
    std::vector<qsizetype> tableRows;
    for (const qsizetype row : rows) {
        if (row < 0 || row >= m_rows->rowCount())
            continue;
        const qsizetype tableRow = m_rows->tableRow(row);
        if (m_corrections->isExcluded(tableRow) != excluded)
            tableRows.push_back(tableRow);
    }
    std::sort(tableRows.begin(), tableRows.end());
    tableRows.erase(std::unique(tableRows.begin(), tableRows.end()), tableRows.end());
    if (tableRows.empty())
        return false;
    const qsizetype count = qsizetype(tableRows.size());
    const QString description = excluded
        ? (count == 1 ? tr("Exclude row %1").arg(tableRows.front() + 1)
                      : tr("Exclude %1 rows").arg(count))
        : (count == 1 ? tr("Include row %1").arg(tableRows.front() + 1)
                      : tr("Include %1 rows").arg(count));
    m_undoStack->push(new ExcludeRowsCommand(*this, std::move(tableRows), excluded, description));
    return true;
}

// Before the corrections change: a job that reads them (a check or an upload on workers) keeps
// the ones it started with, and the session goes on with a copy.
bool ImportSession::detachCorrections()
{
    const bool read = m_validation || (isBusy() && m_rows && m_rows.use_count() > 1);
    if (!read || !m_rows || !m_resource)
        return false;
    m_corrections = std::make_shared<SheetCorrections>(*m_corrections);
    m_rows = std::make_shared<MappedRowSource>(*m_rows, *m_resource, mapping(), ParseOptions {},
                                               m_corrections);
    return true;
}

// A correction while a check runs (an undo that bypassed the menu): the check is dropped and
// everything checked again once the change is made.
void ImportSession::afterCorrection(std::vector<qsizetype> rows, bool detached)
{
    ++m_correctionsVersion;
    Q_EMIT correctionsChanged();
    if (detached)
        Q_EMIT mappingChanged(); // new rows object: the views take it
    else if (!rows.empty())
        Q_EMIT cellsChanged(rows.front(), rows.back());
    if (m_validation) {
        validate();
        return;
    }
    recheckRows(std::move(rows));
}

void ImportSession::applyCellTexts(const std::vector<CellText> &cells)
{
    const bool detached = detachCorrections();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::vector<qsizetype> rows;
    for (const CellText &cell : cells) {
        if (cell.text)
            m_corrections->setText(cell.tableRow, cell.column, *cell.text, now);
        else
            m_corrections->revert(cell.tableRow, cell.column);
        if (m_rows) {
            if (const qsizetype row = m_rows->dataRow(cell.tableRow); row >= 0)
                rows.push_back(row);
        }
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    afterCorrection(std::move(rows), detached);
}

void ImportSession::applyExclusion(const std::vector<qsizetype> &tableRows, bool excluded)
{
    const bool detached = detachCorrections();
    std::vector<qsizetype> rows;
    for (const qsizetype tableRow : tableRows) {
        m_corrections->setExcluded(tableRow, excluded);
        if (m_rows) {
            if (const qsizetype row = m_rows->dataRow(tableRow); row >= 0)
                rows.push_back(row);
        }
    }
    std::sort(rows.begin(), rows.end());
    afterCorrection(std::move(rows), detached);
}

void ImportSession::applyMapping(const Mapping &mapping)
{
    if (!m_resource || mapping.resourceId != m_resource->id)
        return;
    const std::optional<std::vector<int>> changed
        = changedTransforms(*m_resource, this->mapping(), mapping);
    const bool wasChecked = m_validator || m_validation;
    const Mapping previous = this->mapping();
    m_proposal.automap.mapping = mapping;
    if (!changed || !m_validator || !m_rows || m_validation) {
        // Other columns: the rows are built anew and checked when the Review shows them. The
        // same columns read otherwise while a check ran: checked again at once.
        rebuildRows();
        if (changed && wasChecked)
            validate();
        return;
    }
    rememberCheck(previous);
    std::shared_ptr<const MappedRowSource> before = m_rows;
    m_rows = std::make_shared<MappedRowSource>(*before, *m_resource, mapping);
    // Undo or redo of a bulk fix: the findings of that mapping, kept from before, still hold
    // (nothing else changed since), so a million rows need no new check.
    if (std::shared_ptr<Validator> known = rememberedCheck(mapping)) {
        m_validator = std::move(known);
        Q_EMIT mappingChanged();
        Q_EMIT validated();
        return;
    }
    Q_EMIT mappingChanged();
    recheckAttributes(std::move(before), *changed);
}

void ImportSession::rememberCheck(const Mapping &mapping)
{
    std::erase_if(m_rememberedChecks, [&](const RememberedCheck &check) {
        return check.version != m_correctionsVersion || check.mapping == mapping;
    });
    m_rememberedChecks.push_back({mapping, m_correctionsVersion, m_validator});
    constexpr size_t Kept = 4; // a few steps of undo and redo; each holds a validator
    if (m_rememberedChecks.size() > Kept)
        m_rememberedChecks.erase(m_rememberedChecks.begin());
}

std::shared_ptr<Validator> ImportSession::rememberedCheck(const Mapping &mapping) const
{
    for (const RememberedCheck &check : m_rememberedChecks) {
        if (check.version == m_correctionsVersion && check.mapping == mapping)
            return check.validator;
    }
    return nullptr;
}

void ImportSession::recheckRows(std::vector<qsizetype> rows)
{
    if (m_validation) {
        validate(); // a check is running: it starts again with the change
        return;
    }
    if (!m_validator || !m_rows || rows.empty())
        return;
    if (qsizetype(rows.size()) <= SyncRecheckRows) {
        const auto [first, last] = m_validator->revalidateRows(*m_rows, rows, 1);
        Q_EMIT issuesChanged(first, last);
        return;
    }
    startJob(std::make_shared<Validator>(*m_resource),
             [source = std::shared_ptr<const Validator>(m_validator), rows = std::move(rows)](
                 Validator &copy, const MappedRowSource &rowSource, const std::atomic_bool &) {
                 copy.copyFindings(*source);
                 copy.revalidateRows(rowSource, rows);
                 return true;
             });
}

void ImportSession::recheckAttributes(std::shared_ptr<const MappedRowSource> before,
                                      std::vector<int> attributes)
{
    if (attributes.empty())
        return;
    if (m_rows->rowCount() <= SyncRecheckRows) {
        std::vector<qsizetype> rows = rowsThatDiffer(*before, *m_rows, attributes, nullptr);
        // A copy: the remembered findings of the mapping before must stay as they were. The
        // views then take the new findings as after any check (a few thousand rows at most).
        auto copy = std::make_shared<Validator>(*m_resource);
        copy->copyFindings(*m_validator);
        m_validator = std::move(copy);
        const auto [first, last] = m_validator->revalidateRows(*m_rows, rows, 1);
        Q_EMIT validated();
        if (first >= 0)
            Q_EMIT issuesChanged(first, last); // which rows, for whoever tracks them
        return;
    }
    startJob(std::make_shared<Validator>(*m_resource),
             [source = std::shared_ptr<const Validator>(m_validator), before = std::move(before),
              attributes = std::move(attributes)](Validator &copy, const MappedRowSource &after,
                                                  const std::atomic_bool &cancel) {
                 const std::vector<qsizetype> rows
                     = rowsThatDiffer(*before, after, attributes, &cancel);
                 if (cancel.load())
                     return false;
                 copy.copyFindings(*source);
                 copy.revalidateRows(after, rows);
                 return true;
             });
}

} // namespace sluice
