"""Data-kinerja workbooks: the Format Permintaan Data written per unit
(`form_write`), the returned form read back (`form_read` over the small
streaming reader `xlsxml`), their shared geometry (`layout`), and the plan
as a workbook (`plan_book`).

Never touches the database; the services decide what is stored.
"""
