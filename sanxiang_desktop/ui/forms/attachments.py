"""The attachments of one activity: photos and scanned sign-in sheets, as thumbnails.

What is kept of a chosen file (scaled-down JPEG or the original) is the rule of core/media.py;
this module does the pixel work with Qt. Opening one writes it to a temporary file named by the
attachment's id (never by a person's name) and hands it to the system viewer."""
from __future__ import annotations

import mimetypes
import tempfile
from pathlib import Path

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (QCheckBox, QFileDialog, QHBoxLayout, QListView, QListWidget, QListWidgetItem,
                               QMessageBox, QPushButton, QStyle, QVBoxLayout, QWidget)

from sanxiang_desktop.core import media
from sanxiang_desktop.services import attachments as service
from sanxiang_desktop.core.validation import Problem
from sanxiang_desktop.services.result import Changes, Result
from sanxiang_desktop.ui.pages.panel import Retranslating
from sanxiang_desktop.ui.shell.operations import run_operation
from sanxiang_desktop.ui.shell.undo import CreateManyCommand, delete_records, message

THUMB_PX = 96
ID_ROLE = Qt.ItemDataRole.UserRole


def shrink_image(data: bytes, policy: media.ImagePolicy) -> tuple[bytes, str] | None:
    """(JPEG bytes, mime) scaled to the policy; None when data is no image Qt reads, or when the
    policy says it is fine as it is (media.needs_reencoding)."""
    image = QImage.fromData(data)
    if image.isNull():
        return None
    is_jpeg = data[:3] == b"\xff\xd8\xff"
    if not media.needs_reencoding(is_jpeg, image.width(), image.height(), policy):
        return None
    max_px = policy.max_px
    if max(image.width(), image.height()) > max_px:
        image = image.scaled(max_px, max_px, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    if image.hasAlphaChannel():     # JPEG has no transparency: put the picture on white paper
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(QColor("white"))
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        image = flat
    out = QByteArray()
    buffer = QBuffer(out)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", policy.quality)
    buffer.close()
    return bytes(out.data()), policy.mime


def prepare_file(path: Path, kind: str, keep_original: bool) -> tuple[str, bytes, str]:
    """(file name, bytes, mime) to store for a chosen file, as core.media.image_policy says."""
    data = path.read_bytes()
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    policy = media.image_policy(kind, mime, keep_original)
    shrunk = shrink_image(data, policy) if policy is not None else None
    if shrunk is None:
        return path.name, data, mime
    return media.stored_name(path.name), shrunk[0], shrunk[1]


def temp_path(info: service.AttachmentInfo) -> Path:
    """Where an attachment is written to be opened: the temp folder, named by its id."""
    suffix = Path(info.file_name).suffix.lower() or (mimetypes.guess_extension(info.mime) or "")
    folder = Path(tempfile.gettempdir()) / "sanxiang-attachments"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{info.id}{suffix}"


class AttachmentsPanel(Retranslating, QWidget):
    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.activity_id: str | None = None
        self.read_only = True
        self.infos: dict[str, service.AttachmentInfo] = {}
        self.list = QListWidget(self)
        self.list.setObjectName("attachments")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB_PX, THUMB_PX))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.setGridSize(QSize(THUMB_PX + 40, THUMB_PX + 44))
        self.list.itemActivated.connect(lambda item: self.open_attachment(item.data(ID_ROLE)))
        self.photo_button, self.scan_button, self.open_button, self.remove_button = (QPushButton(self)
                                                                                      for _ in range(4))
        self.keep_box = QCheckBox(self)
        self.photo_button.clicked.connect(lambda: self.add_files("photo"))
        self.scan_button.clicked.connect(lambda: self.add_files("signin"))
        self.open_button.clicked.connect(lambda: [self.open_attachment(i) for i in self.selected_ids()])
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for w in (self.photo_button, self.scan_button, self.open_button, self.remove_button, self.keep_box):
            buttons.addWidget(w)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        self.list.itemSelectionChanged.connect(self._update)
        self._update()
        self.retranslate()

    def retranslate(self) -> None:
        self.photo_button.setText(self.tr("Add &Photos…"))
        self.scan_button.setText(self.tr("Add Si&gn-in Sheet…"))
        self.open_button.setText(self.tr("&Open"))
        self.remove_button.setText(self.tr("&Remove"))
        self.keep_box.setText(self.tr("&Keep Original"))
        self.keep_box.setToolTip(self.tr("Store photos as they are, without scaling them down"))

    def set_activity(self, activity_id: str | None, read_only: bool = False) -> None:
        self.activity_id, self.read_only = activity_id, read_only
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        self.infos = {}
        if self.activity_id:
            for info in service.attachments_of(self.context.ws, self.activity_id):
                self.infos[info.id] = info
                item = QListWidgetItem(self._icon(info), info.caption or info.file_name)
                item.setData(ID_ROLE, info.id)
                item.setToolTip(f"{info.file_name}（{max(1, info.size // 1024)} KB）")
                self.list.addItem(item)
        self._update()

    def _icon(self, info: service.AttachmentInfo) -> QIcon:
        if info.mime.startswith("image/"):
            image = QImage.fromData(service.blob_bytes(self.context.ws, info.sha256) or b"")
            if not image.isNull():
                return QIcon(QPixmap.fromImage(image.scaled(THUMB_PX, THUMB_PX, Qt.AspectRatioMode.KeepAspectRatio,
                                                            Qt.TransformationMode.SmoothTransformation)))
        return self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    def selected_ids(self) -> list[str]:
        return [item.data(ID_ROLE) for item in self.list.selectedItems()]

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("attachments"):
            self.reload()

    def add_files(self, kind: str) -> list[str]:
        """Ask for files and add them all as one operation on the worker (reading and scaling the
        files there too): one transaction, one undo step, all or nothing. Returns the paths sent."""
        if not self.activity_id or self.read_only:
            return []
        if kind == "photo":
            title = self.tr("Add Photos")
            pattern = self.tr("Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)")
        else:
            title = self.tr("Add Sign-in Sheet")
            pattern = self.tr("Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)")
        paths, _ = QFileDialog.getOpenFileNames(self, title, "", pattern)
        if not paths:
            return []
        context, ws, activity_id, keep = self.context, self.context.ws, self.activity_id, self.keep_box.isChecked()
        unreadable = self.tr("{name}: the file cannot be read; nothing was added.")

        def work():
            files = []
            for name in paths:
                try:
                    file_name, data, mime = prepare_file(Path(name), kind, keep)
                except OSError:             # unreadable, gone: said like any refusal, nothing added
                    text = unreadable.format(name=Path(name).name)
                    return Result(ok=False, problems=(Problem("file_name", text, text),))
                files.append(service.NewFile(file_name, data, kind, mime))
            return service.add_attachments(ws, activity_id, files)

        def done(result: Result) -> None:
            if not result.ok and shiboken6.isValid(self):
                QMessageBox.warning(self, title, message(result))
        run_operation(context, work, parent=self, undo=lambda result: CreateManyCommand(context, "attachments", result),
                      done=done)
        return list(paths)

    def open_attachment(self, attachment_id: str) -> Path | None:
        info = self.infos.get(attachment_id)
        data = service.blob_bytes(self.context.ws, info.sha256) if info else None
        if data is None:
            return None
        path = temp_path(info)
        path.write_bytes(data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def remove_selected(self) -> list[str]:
        ids = self.selected_ids()
        if not ids or self.read_only:
            return []
        what = (self.infos[ids[0]].file_name if len(ids) == 1 else
                self.tr("{count} attachments").format(count=len(ids)))
        return delete_records(self.context, self, "attachments", ids, what)

    def _update(self) -> None:
        can_add = bool(self.activity_id) and not self.read_only
        self.photo_button.setEnabled(can_add)
        self.scan_button.setEnabled(can_add)
        self.keep_box.setEnabled(can_add)
        selected = bool(self.list.selectedItems())
        self.open_button.setEnabled(selected)
        self.remove_button.setEnabled(selected and not self.read_only)
