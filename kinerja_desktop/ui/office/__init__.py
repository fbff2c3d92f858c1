"""The office screens: Profil Instansi, Pegawai, Unit, and the first-run wizard."""
