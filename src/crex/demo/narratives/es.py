"""Spanish narratives, as victims in Spain write them."""

# ruff: noqa: E501  (prose: one sentence per line reads better than wrapped fragments)

from crex.demo.narratives.phrasebook import Phrasebook

BOOK = Phrasebook(
    language="es",
    openings={
        "person": (
            "Hola,",
            "Buenas tardes,",
            "Buenos días,",
        ),
        "business": (
            "Estimados señores:",
            "Buenos días,",
        ),
    },
    closings={
        "person": (
            "Tengo capturas de pantalla.",
            "Quedo a la espera de su respuesta.",
            "Quiero poner una denuncia.",
            "Espero que nadie más caiga.",
        ),
        "loss": (
            "¿Qué puedo hacer ahora? ¿Hay alguna forma de recuperar el dinero?",
            "Ya he llamado a mi banco.",
            "Me da mucha vergüenza haber caído.",
        ),
        "business": (
            "Disponemos de registros y capturas de pantalla.",
            "Nuestro proveedor informático está investigando el incidente.",
            "Queremos presentar una denuncia.",
            "Les rogamos que traten esta denuncia de forma confidencial.",
        ),
    },
    fillers={
        "product:sneakers": (
            "unas Air Retro 93",
            "dos pares de zapatillas",
            "unas zapatillas de edición limitada",
        ),
        "product:garden": (
            "un conjunto de jardín",
            "una sombrilla y cuatro sillas de jardín",
            "un sofá rinconero de ratán",
        ),
        "product": (
            "unas zapatillas",
            "una PlayStation 5",
            "una batería para bicicleta eléctrica",
            "un abrigo de invierno",
            "un iPhone 15",
            "un robot aspirador",
        ),
        "prize": (
            "una herencia",
            "un premio de lotería",
            "un préstamo al 2 %",
            "un trabajo desde casa",
        ),
        "work": (
            "nuestro software de contabilidad",
            "nuestra última película",
            "nuestros cursos online",
            "nuestros bolsos de diseño",
        ),
        "goods": (
            "tarjetas de crédito robadas",
            "kits de phishing",
            "accesos bancarios robados",
            "ransomware de alquiler",
        ),
    },
    stories={
        "phishing": (
            "El {date} recibí un mensaje que parecía de {brand} pidiéndome confirmar mis datos. El enlace llevaba a {url}. Metí mis claves y después me di cuenta de que era falso. De momento no me falta dinero.",
            "SMS del {phone}: supuestamente {brand}, un paquete pendiente y una tasa que pagar. La web era {url}. Puse los datos de la tarjeta antes de ver que la dirección era rara.",
            "Mensaje sospechoso de «{brand}» el {date} con un enlace a {url}. No metí nada, pero mi vecina recibió el mismo, así que lo denuncio.",
        ),
        "phishing:loss": (
            "El {date} recibí un mensaje de «{brand}» diciendo que tenía que verificar mi cuenta en {url}. Metí mis datos y el código de la app. Esa misma noche se hizo una transferencia de {amount} a {iban} sin mi permiso.",
            "Me llegó un SMS del {phone} que decía ser {brand}. Pinché en el enlace ({url}) e inicié sesión. Al día siguiente vi una transferencia de {amount} a {iban}. El banco dice que no puede anularla.",
        ),
        "online_shopping_fraud": (
            "El {date} pedí {product} en {shop} ({url}) y pagué {amount} por transferencia a {iban}. No ha llegado nada, el número de seguimiento no funciona y ya no contestan a los correos.",
            "Compré {product} en la web {url}, {amount}, transferencia el {date} a {iban}. Tres semanas después nada y la web ya no funciona. Creo que era una tienda falsa.",
        ),
        "online_shopping_fraud:marketplace": (
            "Quería comprar {product} en {marketplace} al usuario {handle}. Acordamos {amount} y le hice la transferencia el {date} a {iban}. Después el vendedor me bloqueó y el anuncio desapareció.",
            "Vendedor {handle} en {marketplace}, {product} por {amount}, pagado el {date} a {iban}. Ni paquete ni respuesta.",
        ),
        "investment_fraud": (
            "Vi un anuncio para invertir en criptomonedas y me registré en {brand} ({url}). Un asesor me llamaba casi todos los días desde el {phone}. En total invertí {amount}, el último pago el {date} a {account}. El panel mostraba muchos beneficios pero para retirar tenía que pagar 'impuestos'. Ya nadie contesta.",
            "{brand} me convenció para invertir. Llamaban desde el {phone} y me hicieron instalar un programa de acceso remoto. He perdido {amount}, ingresados en {account}. Su web: {url}.",
        ),
        "romance_fraud": (
            "Conocí a {alias} en {platform} (usuario {handle}) hace unos cuatro meses. Decía que trabajaba en una plataforma petrolífera. Hablábamos todos los días. Luego hubo problemas con la aduana y una factura del hospital, y le envié {amount} en total, la última vez el {date} a {account}. Ahora entiendo que todo era mentira.",
            "Mi madre lleva meses hablando con un hombre que se hace llamar {alias} en {platform} ({handle}). Ya le ha enviado {amount}. El {date} volvió a pedirle dinero. Queremos denunciarlo.",
            "Conocí a {alias} en {platform} ({handle}). Nunca pudimos hacer videollamada. Compré tarjetas regalo por {amount} porque necesitaba dinero para un billete de avión, la última vez el {date}.",
        ),
        "advance_fee_fraud": (
            "Recibí un correo de {email} sobre {prize}. Para liberarlo tenía que pagar gastos, primero poco y luego cada vez más. En total {amount}, el último pago el {date} a {account}.",
            "Alguien desde {email} me prometió {prize}. He pagado {amount} en 'gastos de gestión' (el último el {date}) y nunca he recibido nada.",
        ),
        "business_email_compromise": (
            "En nombre de {company}: el {date} recibimos un correo de {email}, aparentemente de nuestro proveedor {supplier}, informando de un cambio de cuenta bancaria. Pagamos una factura pendiente de {amount} a la nueva cuenta {iban}. El proveedor confirma que nunca envió ese correo.",
            "Nuestro departamento de contabilidad ({company}) transfirió {amount} a {iban} el {date} tras un correo de {email} que suplantaba a {supplier}. El dominio es muy parecido al real. Nuestro banco está avisado.",
        ),
        "tech_support_scam": (
            "Salió una ventana diciendo que mi ordenador estaba bloqueado y que llamara a {brand} al {phone}. El hombre del teléfono instaló un programa y entró en mi banca online. El {date} me cargaron {amount}.",
            "El {date} me llamó alguien de «{brand}» diciendo que mi ordenador tenía un virus. Tenía que devolver la llamada al {phone}. Pagué {amount} por una 'licencia de seguridad'.",
        ),
        "payment_card_fraud": (
            "Hay cargos en mi tarjeta acabada en {last4} que no he hecho: {amount} en {merchant} el {date}. La tarjeta la tengo yo.",
            "En mi extracto aparece {amount} en {merchant} el {date} con mi tarjeta (terminada en {last4}). No conozco esa empresa.",
        ),
        "identity_theft": (
            "Alguien ha creado una cuenta de {platform} a mi nombre ({handle}) con mis fotos y pide dinero a mis amigos. Usan el correo {email}. Me di cuenta el {date}.",
            "Me han llegado cartas de un préstamo que nunca pedí, solicitado con mis datos y el correo {email}. También hay un perfil falso en {platform}, {handle}. Empezó hacia el {date}.",
        ),
        "extortion": (
            "Recibí un correo de {email} diciendo que han hackeado mi cámara y tienen un vídeo mío. Quieren {demand} en bitcoin a {wallet}, si no lo mandan a mis contactos. Recibido el {date}.",
            "Correo de chantaje recibido el {date} de {email}. Dicen tener grabaciones íntimas mías y exigen {demand} a la dirección {wallet}. Pagué {amount} por miedo antes de leer que es una estafa conocida.",
        ),
        "extortion:business": (
            "{company} recibió el {date} un correo de {email}: si no pagamos {demand} en bitcoin a {wallet}, atacarán nuestra web y publicarán datos de clientes.",
        ),
        "child_sexual_abuse_material": (
            "Encontré en un foro un enlace que parece mostrar abusos a menores: {url}. No abrí nada más. Visto el {date}.",
            "Navegando el {date} llegué a {url}, que parece contener imágenes sexuales de menores. Lo cerré enseguida y lo denuncio aquí.",
        ),
        "hate_speech": (
            "La cuenta {handle} en {platform} publica llamamientos a la violencia contra refugiados y musulmanes. Ejemplo: {url} (publicado el {date}).",
            "En {platform} el usuario {handle} difunde mensajes de odio contra los judíos y anima a otros a 'actuar'. Enlace: {url}.",
        ),
        "terrorist_content": (
            "En {platform} encontré un canal ({handle}) que comparte vídeos de propaganda de un grupo terrorista y llama a cometer atentados. Enlace: {url}, visto el {date}.",
        ),
        "copyright_infringement": (
            "Somos {company}. La web {domain} ofrece {work} para descarga gratuita sin nuestro permiso, por ejemplo {url}. Detectado el {date}.",
        ),
        "account_takeover": (
            "El {date} alguien se hizo con mi cuenta de {platform}. Cambiaron la contraseña y el correo de recuperación a {email}. Ya no puedo entrar.",
            "Me hackearon la cuenta de {platform} el {date}, cambiaron el correo a {email} y hubo un acceso desde {ip}.",
            "Alguien entró en mi cuenta de {platform} el {date} y cambió el correo a {email}. Antes de recuperarla ya habían gastado {amount}.",
        ),
        "hacking": (
            "En {company} descubrimos el {date} que alguien tenía acceso a nuestro servidor detrás de {domain}. Los registros muestran accesos desde {ip}.",
        ),
        "ransomware": (
            "{company}: el {date} cifraron nuestros servidores. La nota de rescate está firmada por {group}, contacto {email}. Exigen {demand}.",
            "Nuestros sistemas ({company}) fueron atacados por ransomware el {date}. La nota menciona {group}, contacto {email}, pago a {wallet}. Exigen {demand}. No hemos pagado.",
            "{company} fue atacada por {group} el {date}. Han publicado nuestros datos en {url} y exigen {demand}. Contacto: {email}.",
        ),
        "malware": (
            "El {date} abrí un adjunto llamado {file} y desde entonces el ordenador va muy lento y salen ventanas raras. El antivirus da el hash {hash}.",
            "Después de descargar {file} de {url} mi portátil se conecta a {ip}. Hash del archivo {hash}. Pasó el {date}.",
        ),
        "ddos": (
            "Desde el {date} la web {domain} de {company} está caída a menudo por una avalancha de tráfico.",
            "{company}: nuestra web {domain} sufrió un ataque DDoS el {date}, mucho tráfico venía de {ip}. Después un correo exigió {demand} a {wallet}.",
        ),
        "botnet": (
            "En {company} varios equipos se conectan a {domain} ({ip}) por el puerto {port}. Nuestro proveedor informático sospecha de una infección de {family}. Detectado el {date}.",
        ),
        "data_breach": (
            "{company}: el {date} supimos que una copia de nuestra base de datos de clientes ({records} registros) se vende en {url}.",
        ),
        "illegal_interception": (
            "{company} descubrió el {date} que todos los correos de nuestro director se reenviaban a una dirección externa. La regla se creó desde {ip}.",
        ),
        "misuse_of_devices": (
            "En {platform} el usuario {handle} vende {goods}. Enlace de la tienda: {url}. Visto el {date}.",
        ),
        "other": (
            "Desde hace semanas recibo llamadas extrañas del {phone}. O no habla nadie o me hacen preguntas personales, la última vez el {date}. No sé si es delito pero me preocupa.",
        ),
    },
)
