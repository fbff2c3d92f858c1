"""The peewee models: one class per table, bound to the open database at run time.

The tables themselves are created and changed only by the numbered steps in
`store.migrations` (frozen SQL), never by `create_tables`; these classes are
the way the code reads and writes them, and a test checks that both agree.

Every model uses `database_proxy`, which `store.database.open_database`
points at the database being opened (the Vorta way). A process works with one
open database at a time; `activate` re-points the proxy when a program opens
another one (tests, a restore check).

The SOP document itself is kept as JSON (`core.sop.serialize`) in
`sop_revision.document`, one row per revision: lossless, and an old revision
reads back exactly as it was saved, whatever later versions of the program add
to the document model. The `sop` row mirrors the latest revision's identity
(nomor, judul, jumlah_langkah …) and says which revision is in force, so the
list of SOPs needs no JSON.
"""

from __future__ import annotations

from peewee import (
    BlobField,
    BooleanField,
    CompositeKey,
    DatabaseProxy,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    SqliteDatabase,
    TextField,
)

database_proxy = DatabaseProxy()


def activate(db: SqliteDatabase) -> None:
    """Point every model at `db` (a no-op when it already is)."""
    if database_proxy.obj is not db:
        database_proxy.initialize(db)


class BaseModel(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class OfficeProfileRow(BaseModel):
    """The single row (id 1) holding the office heading and defaults."""

    id = IntegerField(primary_key=True)
    pemerintah = TextField(default="")
    nama_kantor = TextField(default="")
    alamat = TextField(default="")
    kota_ttd = TextField(default="")
    logo = BlobField(null=True)
    kertas = TextField(default="F4")
    jam_kerja_per_hari = FloatField(default=8.0)

    class Meta:
        table_name = "office_profile"


class UnitRow(BaseModel):
    nama = TextField(unique=True)
    jenis = TextField()
    urutan = IntegerField(default=0)

    class Meta:
        table_name = "unit"


class StaffRow(BaseModel):
    nama = TextField()
    nip = TextField(default="")  # bare 18 digits or ""
    pangkat = TextField(default="")
    jabatan = TextField(default="")
    unit = ForeignKeyField(UnitRow, null=True, column_name="unit_id", on_delete="RESTRICT")
    aktif = BooleanField(default=True)
    catatan = TextField(default="")  # since schema version 2

    class Meta:
        table_name = "staff"


class SopRow(BaseModel):
    """One SOP; mirrors its latest revision's identity for fast listing.

    `revisi_ke` is the latest revision (the one edited), `revisi_berlaku` the
    revision in force (None: none is); `status` is the SOP's own: berlaku
    exactly when a revision is in force, dicabut when withdrawn, else draf.
    `deleted_at` is set while the SOP is in the bin.
    """

    nomor = TextField(default="")
    judul = TextField(default="")
    status = TextField(default="draf")
    unit = TextField(default="")
    revisi_ke = IntegerField(default=0)
    jumlah_langkah = IntegerField(default=0)
    revisi_berlaku = IntegerField(null=True)  # since schema version 3
    created_at = DateTimeField()
    updated_at = DateTimeField()
    # since schema version 4: in the bin since (None: in use), the nomor as
    # compared (core.sop.checker.normalize_nomor), a code that never changes
    deleted_at = DateTimeField(null=True)
    nomor_key = TextField(default="")
    uid = TextField(default="")

    class Meta:
        table_name = "sop"


class SopRevisionRow(BaseModel):
    """One revision of an SOP: the whole document as JSON, never rewritten
    once a newer revision exists."""

    sop = ForeignKeyField(SopRow, column_name="sop_id", on_delete="CASCADE", backref="revisions")
    revisi_ke = IntegerField()
    tanggal = DateField(null=True)
    catatan = TextField(default="")
    document = TextField()
    content_hash = TextField()
    created_at = DateTimeField()

    class Meta:
        table_name = "sop_revision"
        indexes = ((("sop", "revisi_ke"), True),)


class AuditLogRow(BaseModel):
    """One entry of the hash-chained audit log (see `store.audit`)."""

    id = IntegerField(primary_key=True)
    at = TextField()  # ISO 8601 local time, exactly as hashed
    action = TextField()
    entity = TextField()
    entity_id = IntegerField(null=True)
    summary = TextField(default="")
    prev_hash = TextField()
    hash = TextField(unique=True)
    hash_version = IntegerField(default=1)  # schema 7: how `hash` was computed (store.audit)
    actor = TextField(default="")
    before_json = TextField(null=True)
    after_json = TextField(null=True)

    class Meta:
        table_name = "audit_log"


class SettingRow(BaseModel):
    key = TextField(primary_key=True)
    value = TextField()

    class Meta:
        table_name = "setting"


# -- data kinerja (schema version 5; see store.migrations.v005) -------------------


class KinerjaRenstraRow(BaseModel):
    nama = TextField()
    tahun_awal = IntegerField()
    tahun_akhir = IntegerField()
    created_at = DateTimeField()

    class Meta:
        table_name = "kinerja_renstra"


class KinerjaNodeRow(BaseModel):
    renstra = ForeignKeyField(KinerjaRenstraRow, column_name="renstra_id", on_delete="CASCADE")
    parent = ForeignKeyField("self", null=True, column_name="parent_id", on_delete="RESTRICT")
    level = TextField()
    kode = TextField(default="")
    nama = TextField()
    urutan = IntegerField(default=0)

    class Meta:
        table_name = "kinerja_node"


class KinerjaPaguRow(BaseModel):
    node = ForeignKeyField(KinerjaNodeRow, column_name="node_id", on_delete="CASCADE")
    tahun = IntegerField()
    nilai = FloatField()

    class Meta:
        table_name = "kinerja_pagu"


class KinerjaIndicatorRow(BaseModel):
    node = ForeignKeyField(KinerjaNodeRow, column_name="node_id", on_delete="RESTRICT")
    kode = TextField(default="")
    nama = TextField()
    satuan = TextField(default="")
    definisi = TextField(default="")
    formula = TextField(default="")
    sumber_data = TextField(default="")
    unit = ForeignKeyField(UnitRow, null=True, column_name="unit_id", on_delete="RESTRICT")
    staff = ForeignKeyField(StaffRow, null=True, column_name="staff_id", on_delete="SET NULL")
    iku = BooleanField(default=False)
    baseline_tahun = IntegerField(null=True)
    baseline_nilai = FloatField(null=True)
    baseline_teks = TextField(default="")
    polaritas = TextField(default="positif")
    agregasi = TextField(default="jumlah")
    jenis_nilai = TextField(default="angka")
    skala = TextField(default="[]")
    rumus_negatif = TextField(default="2t_kurang_r")
    urutan = IntegerField(default=0)

    class Meta:
        table_name = "kinerja_indicator"


class KinerjaTargetRow(BaseModel):
    indicator = ForeignKeyField(
        KinerjaIndicatorRow, column_name="indicator_id", on_delete="CASCADE"
    )
    tahun = IntegerField()
    nilai = FloatField(null=True)
    teks = TextField(default="")

    class Meta:
        table_name = "kinerja_target"


class KinerjaPkRow(BaseModel):
    renstra = ForeignKeyField(KinerjaRenstraRow, column_name="renstra_id", on_delete="CASCADE")
    tahun = IntegerField()
    unit = ForeignKeyField(UnitRow, null=True, column_name="unit_id", on_delete="RESTRICT")
    versi = IntegerField(default=0)
    alasan = TextField(default="")
    tanggal = DateTimeField(null=True)
    digantikan_oleh = ForeignKeyField(
        "self", null=True, column_name="digantikan_oleh", on_delete="SET NULL"
    )
    created_at = DateTimeField()

    class Meta:
        table_name = "kinerja_pk"


class KinerjaPkTargetRow(BaseModel):
    pk = ForeignKeyField(KinerjaPkRow, column_name="pk_id", on_delete="CASCADE")
    indicator = ForeignKeyField(
        KinerjaIndicatorRow, column_name="indicator_id", on_delete="RESTRICT"
    )
    periode = TextField()
    nilai = FloatField(null=True)
    teks = TextField(default="")

    class Meta:
        table_name = "kinerja_pk_target"


class KinerjaRoundRow(BaseModel):
    periode = TextField(unique=True)
    tenggat = DateField(null=True)
    catatan = TextField(default="")
    created_at = DateTimeField()

    class Meta:
        table_name = "kinerja_round"


class KinerjaFormRow(BaseModel):
    round = ForeignKeyField(KinerjaRoundRow, column_name="round_id", on_delete="CASCADE")
    unit = ForeignKeyField(UnitRow, column_name="unit_id", on_delete="RESTRICT")
    form_version = IntegerField()
    checksum = TextField()
    rows = TextField()
    file_name = TextField(default="")
    created_at = DateTimeField()

    class Meta:
        table_name = "kinerja_form"


class KinerjaImportRow(BaseModel):
    round = ForeignKeyField(KinerjaRoundRow, null=True, column_name="round_id", on_delete="CASCADE")
    unit = ForeignKeyField(UnitRow, null=True, column_name="unit_id", on_delete="RESTRICT")
    form = ForeignKeyField(KinerjaFormRow, null=True, column_name="form_id", on_delete="SET NULL")
    sumber = TextField(default="berkas")
    file_name = TextField(default="")
    file_hash = TextField()
    filled_at = DateTimeField(null=True)
    imported_at = DateTimeField()
    status = TextField()
    jumlah_baru = IntegerField(default=0)
    jumlah_ubah = IntegerField(default=0)
    problems = TextField(default="[]")

    class Meta:
        table_name = "kinerja_import"


class KinerjaValidasiRow(BaseModel):
    """One validation of received values (see store.migrations.v006)."""

    periode = TextField()
    unit = ForeignKeyField(UnitRow, null=True, column_name="unit_id", on_delete="RESTRICT")
    jumlah = IntegerField(default=0)
    oleh = TextField(default="")
    at = TextField()

    class Meta:
        table_name = "kinerja_validasi"


class KinerjaValueRow(BaseModel):
    """One recorded value (never rewritten; see store.migrations.v005)."""

    indicator = ForeignKeyField(
        KinerjaIndicatorRow, column_name="indicator_id", on_delete="RESTRICT"
    )
    unit = ForeignKeyField(UnitRow, column_name="unit_id", on_delete="RESTRICT")
    periode = TextField()
    nilai = FloatField(null=True)
    teks = TextField(default="")
    keterangan = TextField(default="")
    bukti = TextField(default="")
    jenis = TextField(default="impor")
    alasan = TextField(default="")
    batch = ForeignKeyField(
        KinerjaImportRow, null=True, column_name="import_id", on_delete="RESTRICT"
    )
    file_name = TextField(default="")
    sheet = TextField(default="")
    cell = TextField(default="")
    file_hash = TextField(default="")
    recorded_at = DateTimeField()
    menggantikan = ForeignKeyField(
        "self", null=True, column_name="menggantikan_id", on_delete="RESTRICT"
    )
    aktif = BooleanField(default=True)
    status_validasi = TextField(default="belum")
    validasi = ForeignKeyField(
        KinerjaValidasiRow, null=True, column_name="validasi_id", on_delete="RESTRICT"
    )

    class Meta:
        table_name = "kinerja_value"


class KinerjaPerbaikanRow(BaseModel):
    """A correction of a validated value and where it stands in the SOP's steps."""

    value = ForeignKeyField(KinerjaValueRow, column_name="value_id", on_delete="RESTRICT")
    indicator = ForeignKeyField(
        KinerjaIndicatorRow, column_name="indicator_id", on_delete="RESTRICT"
    )
    unit = ForeignKeyField(UnitRow, column_name="unit_id", on_delete="RESTRICT")
    periode = TextField()
    nilai_lama = FloatField(null=True)
    teks_lama = TextField(default="")
    nilai_baru = FloatField(null=True)
    teks_baru = TextField(default="")
    keterangan_baru = TextField(default="")
    alasan = TextField()
    bukti = TextField()
    status = TextField(default="diajukan")
    hasil_value = ForeignKeyField(
        KinerjaValueRow, null=True, column_name="hasil_value_id", on_delete="RESTRICT"
    )
    dibuat_at = TextField()
    diubah_at = TextField()

    class Meta:
        table_name = "kinerja_perbaikan"


class KinerjaPerbaikanLangkahRow(BaseModel):
    perbaikan = ForeignKeyField(
        KinerjaPerbaikanRow, column_name="perbaikan_id", on_delete="CASCADE"
    )
    status = TextField()
    pejabat = TextField(default="")
    jabatan = TextField(default="")
    nip = TextField(default="")
    oleh = TextField(default="")
    catatan = TextField(default="")
    at = TextField()

    class Meta:
        table_name = "kinerja_perbaikan_langkah"


class KinerjaLaporanRow(BaseModel):
    """A printed report version, frozen with the data it showed and that data's hash."""

    jenis = TextField()
    periode = TextField()
    versi = IntegerField()
    judul = TextField(default="")
    data = TextField()
    data_hash = TextField()
    dibuat_at = TextField()
    oleh = TextField(default="")

    class Meta:
        table_name = "kinerja_laporan"


class KinerjaLaporanTeksRow(BaseModel):
    jenis = TextField()
    periode = TextField()
    kunci = TextField()
    teks = TextField(default="")
    diubah_at = TextField()

    class Meta:
        table_name = "kinerja_laporan_teks"
        primary_key = CompositeKey("jenis", "periode", "kunci")


class KinerjaAnggaranRow(BaseModel):
    node = ForeignKeyField(KinerjaNodeRow, column_name="node_id", on_delete="CASCADE")
    periode = TextField()
    nilai = FloatField()
    diubah_at = TextField()

    class Meta:
        table_name = "kinerja_anggaran"


class KinerjaVersiRow(BaseModel):
    """A token per part of the data the reports read (the plan, a year's values),
    renewed by triggers on every change (schema step 8); never written by code."""

    bagian = TextField(primary_key=True)
    versi = IntegerField()

    class Meta:
        table_name = "kinerja_versi"


MODELS: tuple[type[BaseModel], ...] = (
    OfficeProfileRow,
    UnitRow,
    StaffRow,
    SopRow,
    SopRevisionRow,
    AuditLogRow,
    SettingRow,
    KinerjaRenstraRow,
    KinerjaNodeRow,
    KinerjaPaguRow,
    KinerjaIndicatorRow,
    KinerjaTargetRow,
    KinerjaPkRow,
    KinerjaPkTargetRow,
    KinerjaRoundRow,
    KinerjaFormRow,
    KinerjaImportRow,
    KinerjaValueRow,
    KinerjaValidasiRow,
    KinerjaPerbaikanRow,
    KinerjaPerbaikanLangkahRow,
    KinerjaLaporanRow,
    KinerjaLaporanTeksRow,
    KinerjaAnggaranRow,
    KinerjaVersiRow,
)


def is_unused() -> bool:
    """Nothing stored yet: no row in any table (a database just created; the
    version tokens the schema itself writes do not count)."""
    return not any(model.select().exists() for model in MODELS if model is not KinerjaVersiRow)
